using HpProxy.Core.Common;
using HpProxy.Core.Envs;
using HpProxy.MuJoCo.Native;

namespace HpProxy.MuJoCo.Tasks;

/// <summary>
/// The shared shape of the Gym v4 MuJoCo locomotion tasks (Todorov et al. 2012; Brockman et al. 2016):
/// ctrl = clip(a, −1, 1) held for <c>frameSkip</c> physics steps; reward = forward_weight · Δx/dt + healthy
/// reward − ctrl_weight · ‖a‖²; <c>Terminated</c> when the task's health check fails (if it has one);
/// <c>Truncated</c> at the 1000-step limit. Reset adds Gym's noise to the model's initial pose and zero velocity.
/// Step allocates nothing (the state lives in MuJoCo's memory and is read through spans).
/// </summary>
public abstract class LocomotionTask : IEnvironment, IDisposable
{
    private readonly MjSimulation _sim;
    private readonly int _frameSkip;
    private readonly double _resetNoise;
    private readonly bool _gaussianVelocityNoise;
    private bool _over = true;

    private protected LocomotionTask(TaskInfo info, string modelPath, int frameSkip, double resetNoise, bool gaussianVelocityNoise)
    {
        _sim = new MjSimulation(modelPath);
        _frameSkip = frameSkip;
        _resetNoise = resetNoise;
        _gaussianVelocityNoise = gaussianVelocityNoise;
        if (_sim.Nu != info.ActionSize)
            throw new InvalidOperationException($"{info.Name}: the model has {_sim.Nu} actuators, the task declares {info.ActionSize}");
        int size = ObservationSizeFor(_sim);
        if (info.ObservationSize != size)
            throw new InvalidOperationException($"{info.Name}: the model gives {size} observation values, the task declares {info.ObservationSize}");
        Info = info;
        Dt = _sim.Timestep * frameSkip;
    }

    public TaskInfo Info { get; }

    /// <summary>Control step in seconds (timestep × frame skip).</summary>
    public double Dt { get; }

    public int StepIndex { get; private set; }

    private protected MjSimulation Sim => _sim;

    /// <summary>The raw simulation, for the benchmark harness only.</summary>
    internal MjSimulation Simulation => _sim;

    /// <summary>Forward weight, healthy reward and control-cost weight of the task (Gym v4 defaults).</summary>
    protected abstract (double Forward, double Healthy, double Control) RewardWeights { get; }

    public void Reset(ulong seed, Span<float> observation)
    {
        CheckObservation(observation);
        var rng = new Rng(seed);
        _sim.ResetData();
        var qpos = _sim.Qpos;
        var qpos0 = _sim.Qpos0;
        for (int i = 0; i < qpos.Length; i++) qpos[i] = qpos0[i] + rng.Uniform(-_resetNoise, _resetNoise);
        var qvel = _sim.Qvel;
        for (int i = 0; i < qvel.Length; i++)
            qvel[i] = _gaussianVelocityNoise ? _resetNoise * rng.NextGaussian() : rng.Uniform(-_resetNoise, _resetNoise);
        _sim.Forward();
        AfterPhysics();
        StepIndex = 0;
        _over = false;
        WriteObservation(observation);
    }

    public OracleStep Step(ReadOnlySpan<float> action, Span<float> nextObservation)
    {
        if (_over) throw new InvalidOperationException($"{Info.Name}: Step called before Reset or after the episode ended");
        if (action.Length != Info.ActionSize) throw new ArgumentException($"{Info.Name}: expected {Info.ActionSize} action values, got {action.Length}", nameof(action));
        CheckObservation(nextObservation);
        var ctrl = _sim.Ctrl;
        double controlCost = 0;
        for (int i = 0; i < ctrl.Length; i++)
        {
            double a = action[i] > 1f ? 1.0 : action[i] < -1f ? -1.0 : action[i];
            ctrl[i] = a;
            controlCost += a * a;
        }
        double xBefore = ForwardPosition();
        for (int k = 0; k < _frameSkip; k++) _sim.Step();
        AfterPhysics();
        double velocity = (ForwardPosition() - xBefore) / Dt;
        bool terminated = !IsHealthy();
        var (wf, wh, wc) = RewardWeights;
        double reward = wf * velocity + wh - wc * controlCost;
        StepIndex++;
        bool truncated = !terminated && StepIndex >= Info.Horizon;
        _over = terminated || truncated;
        WriteObservation(nextObservation);
        return new OracleStep(new StepStatus(terminated, truncated), new OracleReward(reward));
    }

    /// <summary>The x coordinate whose finite difference is the forward velocity (root x, or the centre of mass).</summary>
    protected virtual double ForwardPosition() => _sim.Qpos[0];

    /// <summary>Gym's health check; tasks without termination return true.</summary>
    protected abstract bool IsHealthy();

    private protected abstract int ObservationSizeFor(MjSimulation sim);

    protected abstract void WriteObservation(Span<float> observation);

    /// <summary>Hook after the physics steps (e.g. computing contact forces for the observation).</summary>
    protected virtual void AfterPhysics() { }

    /// <summary>Joint positions (mutable; call <see cref="SetState"/> semantics via tests only).</summary>
    public ReadOnlySpan<double> Qpos => _sim.Qpos;

    public ReadOnlySpan<double> Qvel => _sim.Qvel;

    /// <summary>Overwrites the state mid-episode (tests, benches) and recomputes derived quantities.</summary>
    public void SetState(ReadOnlySpan<double> qpos, ReadOnlySpan<double> qvel)
    {
        qpos.CopyTo(_sim.Qpos);
        qvel.CopyTo(_sim.Qvel);
        _sim.Forward();
        AfterPhysics();
        _over = false;
    }

    protected static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var v in values) if (!double.IsFinite(v)) return false;
        return true;
    }

    private void CheckObservation(Span<float> observation)
    {
        if (observation.Length != Info.ObservationSize)
            throw new ArgumentException($"{Info.Name}: expected an observation buffer of {Info.ObservationSize}, got {observation.Length}", nameof(observation));
    }

    public void Dispose()
    {
        _sim.Dispose();
        GC.SuppressFinalize(this);
    }
}
