namespace HpProxy.Core.Envs;

/// <summary>What a study needs to know about a task before running it.</summary>
/// <param name="Name">Stable task name used in study files (e.g. "pendulum").</param>
/// <param name="Family">"classic" (pure C#) or "mujoco".</param>
/// <param name="ObservationSize">Length of the flat float observation vector.</param>
/// <param name="ActionSize">Length of the action vector; every component lives in [-1, 1].</param>
/// <param name="Horizon">Time limit: the step that reaches it reports <c>Truncated</c>.</param>
/// <param name="TerminatesEarly">True when an episode can end by <c>Terminated</c> before the horizon
/// (adversarial IL then needs absorbing states, SPEC.md §4).</param>
/// <param name="Description">One line for <c>hpproxy tasks</c>.</param>
public sealed record TaskInfo(
    string Name,
    string Family,
    int ObservationSize,
    int ActionSize,
    int Horizon,
    bool TerminatesEarly,
    string Description);
