using HpProxy.Core.Envs.Data;

namespace HpProxy.Core.Runs;

/// <summary>
/// A generated demonstration set, split by episode. Reward-free parts go to agents and proxies;
/// <see cref="DemonstratorReturn"/> (mean true return of the demonstrator's episodes) is kept for the
/// normalised score only.
/// </summary>
public sealed record DemonstrationData(DemonstrationSet Train, DemonstrationSet Validation, double DemonstratorReturn);
