using HpProxy.Core.Envs;
using HpProxy.Core.Nn;

namespace HpProxy.Core.Experts;

/// <summary>
/// A demonstrator from a saved <see cref="ExpertArtifact"/>: the deterministic action tanh(μ(s)) of the SAC
/// actor, on observations normalised exactly as in training ((x − mean)·(1/std), the encoder's float order, so
/// actions reproduce the trained policy bit for bit). Noise, if any, comes from the regime
/// (<c>Demonstrators.Wrap</c>). Not thread-safe: create one per thread.
/// </summary>
public sealed class TrainedPolicyDemonstrator : IDemonstrator
{
    public const string DemonstratorName = "sac-expert";

    private readonly Mlp _actor;
    private readonly float[] _mean;
    private readonly float[] _invStd;
    private readonly float[] _input;
    private readonly int _actionSize;

    public TrainedPolicyDemonstrator(ExpertArtifact artifact)
    {
        _actor = MlpSerializer.Load(artifact.Actor);
        int d = artifact.ObservationSize;
        _mean = artifact.Normalize ? (float[])artifact.ObservationMean.Clone() : new float[d];
        _invStd = artifact.Normalize ? artifact.ObservationStd.Select(s => 1f / s).ToArray() : Enumerable.Repeat(1f, d).ToArray();
        _input = new float[d];
        _actionSize = artifact.ActionSize;
    }

    public string Name => DemonstratorName;

    public void Reset(ulong episodeSeed)
    {
    }

    public void Act(ReadOnlySpan<float> observation, Span<float> action)
    {
        for (int j = 0; j < _input.Length; j++) _input[j] = (observation[j] - _mean[j]) * _invStd[j];
        TanhGaussian.Deterministic(_actor.Forward(_input, 1), _actionSize, action);
    }
}
