using HpProxy.Core.Common;
using HpProxy.Core.Nn;

namespace HpProxy.Core.Experts;

/// <summary>An <see cref="Mlp"/>'s architecture and parameter values, in a form JSON can hold.</summary>
/// <param name="Weights">Each parameter's float32 values, little-endian, base64 (exact round trip).</param>
public sealed record MlpSnapshot(int InputSize, int[] HiddenSizes, int OutputSize, string Activation,
    string[] ParameterNames, string[] Weights);

/// <summary>
/// Saves and restores plain MLPs (relu/tanh/…, no layer norm, no spectral norm, no dropout: what SAC's actor
/// is). Parameters are matched by name and length, so a change to <see cref="Mlp"/>'s layout fails loudly.
/// </summary>
public static class MlpSerializer
{
    public static MlpSnapshot Save(Mlp mlp)
    {
        var o = mlp.Options;
        if (o.LayerNorm || o.SpectralNorm || o.InputDropout != 0 || o.HiddenDropout != 0)
            throw new NotSupportedException("only plain MLPs (no layer norm, spectral norm or dropout) can be saved");
        var parameters = mlp.Parameters;
        return new MlpSnapshot(mlp.InputSize, mlp.HiddenSizes.ToArray(), mlp.OutputSize, mlp.HiddenActivation.ToString(),
            parameters.Select(p => p.Name).ToArray(),
            parameters.Select(p => Convert.ToBase64String(ToBytes(p.Value))).ToArray());
    }

    public static Mlp Load(MlpSnapshot snapshot)
    {
        if (!Enum.TryParse<Activation>(snapshot.Activation, out var activation))
            throw new InvalidDataException($"unknown activation '{snapshot.Activation}'");
        // The initialisation is overwritten below; the seed only has to be valid.
        var mlp = new Mlp(snapshot.InputSize, snapshot.HiddenSizes, snapshot.OutputSize, activation, new Rng(0));
        var parameters = mlp.Parameters;
        if (parameters.Count != snapshot.Weights.Length || parameters.Count != snapshot.ParameterNames.Length)
            throw new InvalidDataException($"expected {parameters.Count} parameters, found {snapshot.Weights.Length}");
        for (int i = 0; i < parameters.Count; i++)
        {
            var values = FromBytes(Convert.FromBase64String(snapshot.Weights[i]));
            if (parameters[i].Name != snapshot.ParameterNames[i] || values.Length != parameters[i].Length)
                throw new InvalidDataException($"parameter {i}: expected {parameters[i]}, found {snapshot.ParameterNames[i]}[{values.Length}]");
            values.CopyTo(parameters[i].Value, 0);
        }
        return mlp;
    }

    private static byte[] ToBytes(float[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        return bytes;
    }

    private static float[] FromBytes(byte[] bytes)
    {
        if (bytes.Length % 4 != 0) throw new InvalidDataException("weights are not a whole number of float32 values");
        var values = new float[bytes.Length / 4];
        for (int i = 0; i < values.Length; i++)
            values[i] = System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
        return values;
    }
}
