using HpProxy.Core.Common;

namespace HpProxy.Core.Envs.Demonstrators.Regimes;

/// <summary>
/// Wraps a demonstrator in the human-like regime (<see cref="HumanLikeRegimeConfig"/>). Per episode: a skill
/// gain, a reaction delay and (for an <see cref="IMultimodalDemonstrator"/>) a solution mode are drawn. Per step:
/// a = clip(hold-or(gain · π(s_{t−delay})) + OU noise, −1, 1), where a hesitation replaces the action by the
/// previous one or by zero for a few steps. Allocation-free after construction.
/// </summary>
public sealed class HumanLikeDemonstrator : IDemonstrator
{
    private readonly IDemonstrator _inner;
    private readonly HumanLikeRegimeConfig _config;
    private readonly int _actionSize;
    private readonly float[] _delayLine;   // ring buffer of (MaxDelay + 1) controller actions
    private readonly float[] _previous;
    private readonly double[] _ou;
    private Rng _rng = new(0);
    private double _gain = 1;
    private int _delay;
    private int _head;
    private int _hesitationLeft;
    private bool _hesitationHolds;

    public HumanLikeDemonstrator(IDemonstrator inner, int actionSize, HumanLikeRegimeConfig config)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(actionSize, 1);
        _inner = inner;
        _config = config;
        _actionSize = actionSize;
        _delayLine = new float[(config.MaxDelay + 1) * actionSize];
        _previous = new float[actionSize];
        _ou = new double[actionSize];
    }

    public string Name => _inner.Name + ":" + HumanLikeRegimeConfig.RegimeName;

    /// <summary>This episode's draws, for tests and reports.</summary>
    public (double Gain, int Delay, int Mode) EpisodeTraits =>
        (_gain, _delay, _inner is IMultimodalDemonstrator m ? m.Mode : 0);

    public void Reset(ulong episodeSeed)
    {
        var streams = new SeedStreams(episodeSeed);
        _rng = streams.Create("regime");
        _gain = _rng.Uniform(_config.SkillMin, 1.0);
        _delay = _config.MaxDelay == 0 ? 0 : _rng.NextInt(_config.MaxDelay + 1);
        if (_inner is IMultimodalDemonstrator multi)
        {
            multi.Mode = multi.ModeCount > 1 && _rng.NextDouble() < _config.ModeMix ? 1 + _rng.NextInt(multi.ModeCount - 1) : 0;
        }
        _inner.Reset(streams.SeedFor("inner"));
        Array.Clear(_delayLine);
        Array.Clear(_previous);
        // Start the OU process in its stationary distribution so early steps are as noisy as later ones.
        for (int i = 0; i < _actionSize; i++) _ou[i] = _config.Noise * _rng.NextGaussian();
        _head = 0;
        _hesitationLeft = 0;
    }

    public void Act(ReadOnlySpan<float> observation, Span<float> action)
    {
        int slots = _config.MaxDelay + 1;
        var fresh = _delayLine.AsSpan(_head * _actionSize, _actionSize);
        _inner.Act(observation, fresh);
        // Slot written `delay` steps ago (zeros until the controller's first output has "arrived").
        int delayed = (_head - _delay + slots) % slots;
        var late = _delayLine.AsSpan(delayed * _actionSize, _actionSize);
        _head = (_head + 1) % slots;

        if (_hesitationLeft == 0 && _config.Hesitation > 0 && _rng.NextDouble() < _config.Hesitation)
        {
            _hesitationLeft = 1 + _rng.NextInt(_config.HesitationSteps);
            _hesitationHolds = _rng.NextDouble() < 0.5;
        }

        double rho = _config.Correlation, innovation = _config.Noise * Math.Sqrt(1 - rho * rho);
        for (int i = 0; i < _actionSize; i++)
        {
            double a = _hesitationLeft > 0 ? (_hesitationHolds ? _previous[i] : 0.0) : _gain * late[i];
            _ou[i] = rho * _ou[i] + innovation * _rng.NextGaussian();
            _previous[i] = (float)a;
            action[i] = (float)Math.Clamp(a + _ou[i], -1.0, 1.0);
        }
        if (_hesitationLeft > 0) _hesitationLeft--;
    }
}
