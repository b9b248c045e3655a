namespace HpProxy.Core.Spaces;

/// <summary>One sampled configuration of an algorithm: the <paramref name="Index"/>-th draw of its space and the
/// stable id of its values (<see cref="ConfigurationSampler.ConfigurationId"/>).</summary>
public sealed record Configuration(string Algorithm, int Index, string Id, HyperparameterSet Hyperparameters);
