namespace HpProxy.Core.Nn;

/// <summary>
/// A flat trainable tensor and its gradient buffer. Gradients accumulate (Backward adds into <see cref="Grad"/>)
/// until <see cref="ZeroGrad"/> is called, like PyTorch.
/// </summary>
public sealed class Parameter
{
    public Parameter(string name, int length)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        Name = name;
        Value = new float[length];
        Grad = new float[length];
    }

    public string Name { get; }

    public float[] Value { get; }

    public float[] Grad { get; }

    public int Length => Value.Length;

    public void ZeroGrad() => Array.Clear(Grad);

    public override string ToString() => $"{Name}[{Value.Length}]";
}
