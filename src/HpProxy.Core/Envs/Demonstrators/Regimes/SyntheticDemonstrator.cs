using HpProxy.Core.Common;

namespace HpProxy.Core.Envs.Demonstrators.Regimes;

/// <summary>Wraps a demonstrator in the synthetic regime: Gaussian action noise, clipped to [-1, 1] (see <see cref="SyntheticRegimeConfig"/>).</summary>
public sealed class SyntheticDemonstrator : IDemonstrator
{
    private readonly IDemonstrator _inner;
    private readonly SyntheticRegimeConfig _config;
    private Rng _rng = new(0);

    public SyntheticDemonstrator(IDemonstrator inner, SyntheticRegimeConfig config)
    {
        _inner = inner;
        _config = config;
    }

    public string Name => _inner.Name + ":" + SyntheticRegimeConfig.RegimeName;

    public void Reset(ulong episodeSeed)
    {
        var streams = new SeedStreams(episodeSeed);
        _inner.Reset(streams.SeedFor("inner"));
        _rng = streams.Create("regime");
    }

    public void Act(ReadOnlySpan<float> observation, Span<float> action)
    {
        _inner.Act(observation, action);
        for (int i = 0; i < action.Length; i++)
            action[i] = (float)Math.Clamp(action[i] + _config.Noise * _rng.NextGaussian(), -1.0, 1.0);
    }
}
