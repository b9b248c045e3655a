namespace HpProxy.Core.Nn;

/// <summary>Hidden-layer nonlinearity of an <see cref="Mlp"/>. The output layer is always linear.</summary>
public enum Activation
{
    Identity,
    Relu,
    Tanh,
    /// <summary>ELU with alpha = 1 (Clevert et al. 2016; PyTorch default).</summary>
    Elu,
    /// <summary>Leaky ReLU with negative slope 0.01 (PyTorch default).</summary>
    LeakyRelu,
    Sigmoid,
    /// <summary>Swish / SiLU, x·σ(x) (Ramachandran et al. 2017).</summary>
    Swish,
}
