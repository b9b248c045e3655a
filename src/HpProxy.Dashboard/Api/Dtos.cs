using System.Text.Json.Serialization;

namespace HpProxy.Dashboard.Api;

// JSON shapes of the API (snake_case through the serializer options). NaN never appears: absent numbers are null.

/// <summary>The same fields as <c>hpproxy status --json</c>.</summary>
/// <param name="Running">Runs a live worker holds (lease not expired).</param>
/// <param name="Stalled">Runs still marked running whose lease expired (their worker died): claimed again first, on resume or by a live worker.</param>
public sealed record StatusDto(string Study, int Total, int Pending, int Running, int Stalled, int Succeeded, int Failed, int Cancelled, int Workers, double? EtaSeconds);

/// <param name="Warnings">Things a user must know about the stored runs (finished runs trained with other defaults than
/// this code has: the same text as <c>hpproxy status</c>); empty when there are none.</param>
public sealed record OverviewDto(StatusDto Status, double? RunsPerMinute, IReadOnlyList<GroupDto> Groups, IReadOnlyList<WorkerDto> WorkerList, bool ReportAvailable,
    IReadOnlyList<string> Warnings);

public sealed record GroupDto(string Task, string Demonstrations, string Algorithm, int Total, int Pending, int Running, int Succeeded, int Failed, int Cancelled);

public sealed record WorkerDto(string WorkerId, int ProcessId, string Host, string? CurrentRunId, DateTimeOffset LastSeen);

public sealed record FailureDto(string RunId, string Task, string Demonstrations, string Algorithm, string ConfigId, int Seed, int Attempts, string? Error);

public sealed record RunSummaryDto(string RunId, string Task, string Demonstrations, string Algorithm, string ConfigId, int Seed, string State, int Attempts, double? WallSeconds);

public sealed record RunPageDto(int Total, int Skip, int Take, IReadOnlyList<RunSummaryDto> Runs);

public sealed record RunDetailDto(
    RunSummaryDto Run,
    string? Owner,
    DateTimeOffset? LeaseUntil,
    string? Error,
    IReadOnlyDictionary<string, object> Hyperparameters,
    IReadOnlyList<CheckpointDto> Checkpoints)
{
    /// <summary>Every hyperparameter the run was trained with, defaults included, as its worker recorded it; null for
    /// unfinished runs and runs finished before workers recorded it.</summary>
    public IReadOnlyDictionary<string, object>? Trained { get; init; }
}

public sealed record CheckpointDto(int Index, long Step, double? OracleReturn, double? NormalizedScore, IReadOnlyDictionary<string, double?> Proxies);

public sealed record PointsDto(IReadOnlyDictionary<string, string> Directions, IReadOnlyList<PointGroupDto> Groups);

public sealed record PointGroupDto(string Task, string Demonstrations, string Algorithm, IReadOnlyList<string> Proxies, IReadOnlyList<PointDto> Points,
    IReadOnlyDictionary<string, CorrelationDto> Correlations);

public sealed record PointDto(string ConfigId, int Seeds, double? Score, IReadOnlyDictionary<string, double?> Proxies);

/// <summary>Oriented rank correlations (a lower-is-better proxy negated first), as in the report.</summary>
public sealed record CorrelationDto(double? Spearman, double? Kendall, int N);

public sealed record ActionResultDto(string Action, int Affected, string Message);

public sealed record ErrorDto([property: JsonPropertyName("error")] string Error);
