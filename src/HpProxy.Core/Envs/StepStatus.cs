namespace HpProxy.Core.Envs;

/// <summary>
/// How a step ended. Termination is a true end (no bootstrapping); truncation is a time limit (bootstrap).
/// They are never merged into one <c>done</c> flag (SPEC.md §3).
/// </summary>
public readonly record struct StepStatus(bool Terminated, bool Truncated)
{
    public bool EpisodeOver => Terminated || Truncated;
}
