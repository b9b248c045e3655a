using HpProxy.Core.Analysis;
using HpProxy.Core.Proxies;
using HpProxy.Core.Studies;
using HpProxy.Dashboard.Data;
using HpProxy.Reports.Model;
using HpProxy.Storage;

namespace HpProxy.Dashboard.Api;

/// <summary>From store records and report points to API shapes.</summary>
public static class DtoMapping
{
    public static double? N(double v) => double.IsFinite(v) ? v : null;

    public static StatusDto Status(string study, StudySnapshot s) => new(study, s.Progress.Total, s.Progress.Pending, s.Progress.LiveRunning, s.Progress.Stalled,
        s.Progress.Succeeded, s.Progress.Failed, s.Progress.Cancelled, s.Workers.Count, s.EtaSeconds);

    public static string State(RunState state) => state.ToString().ToLowerInvariant();

    public static RunSummaryDto Summary(RunRecord r) =>
        new(r.RunId, r.Task, r.Demonstrations, r.Algorithm, r.ConfigId, r.Seed, State(r.State), r.Attempts, r.WallSeconds);

    public static FailureDto Failure(RunRecord r) => new(r.RunId, r.Task, r.Demonstrations, r.Algorithm, r.ConfigId, r.Seed, r.Attempts, r.Error);

    public static RunDetailDto Detail(RunRecord r, IEnumerable<CheckpointRow> checkpoints) => new(
        Summary(r), r.Owner, r.LeaseUntil, r.Error,
        SpecHyperparameters.Read(r.SpecJson).ToDictionary(kv => kv.Key, kv => kv.Value.Number is { } n ? (object)n : kv.Value.Text ?? ""),
        checkpoints.OrderBy(c => c.CheckpointIndex)
            .Select(c => new CheckpointDto(c.CheckpointIndex, c.Step, N(c.OracleReturn), N(c.NormalizedScore),
                new SortedDictionary<string, double?>(c.Proxies.ToDictionary(kv => kv.Key, kv => N(kv.Value)), StringComparer.Ordinal)))
            .ToList())
    {
        Trained = r.ResolvedHyperparameters is { } json
            ? new SortedDictionary<string, object>(RunSpecJson.DeserializeHyperparameters(json)
                .ToDictionary(kv => kv.Key, kv => kv.Value.Number is { } n ? (object)n : kv.Value.Text ?? ""), StringComparer.Ordinal)
            : null,
    };

    public static PointsDto Points(IReadOnlyList<ConfigPoint> points)
    {
        var names = points.SelectMany(p => p.Proxies.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var directions = names.ToDictionary(n => n,
            n => ProxyRegistry.Contains(n) && ProxyRegistry.Get(n).Direction == ProxyDirection.LowerIsBetter ? "lower" : "higher");
        var groups = points.GroupBy(p => p.Group).OrderBy(g => g.Key).Select(g =>
        {
            var list = g.ToList();
            var proxies = list.SelectMany(p => p.Proxies.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
            var correlations = proxies.ToDictionary(name => name, name => Correlate(list, name, directions[name] == "lower"));
            return new PointGroupDto(g.Key.Task, g.Key.Demonstrations, g.Key.Algorithm, proxies,
                list.Select(p => new PointDto(p.ConfigId, p.Seeds, N(p.Score), p.Proxies.ToDictionary(kv => kv.Key, kv => N(kv.Value)))).ToList(),
                correlations);
        }).ToList();
        return new PointsDto(directions, groups);
    }

    private static CorrelationDto Correlate(List<ConfigPoint> points, string proxy, bool lowerIsBetter)
    {
        var usable = points.Where(p => p.Proxies.TryGetValue(proxy, out double v) && double.IsFinite(v) && double.IsFinite(p.Score)).ToList();
        double sign = lowerIsBetter ? -1 : 1;
        double[] x = usable.Select(p => sign * p.Proxies[proxy]).ToArray();
        double[] y = usable.Select(p => p.Score).ToArray();
        return new CorrelationDto(N(RankCorrelation.Spearman(x, y)), N(RankCorrelation.KendallTauB(x, y)), usable.Count);
    }
}
