using System.Globalization;
using HpProxy.Core.Analysis;
using HpProxy.Storage;

namespace HpProxy.Cli.Output;

/// <summary>
/// The two CSV files of <c>hpproxy export</c>, for analysis elsewhere (pandas, R, a spreadsheet):
/// <c>runs.csv</c> (one row per run, one column per hyperparameter the study file set, and the whole configuration the
/// worker trained with, defaults included, as JSON in <c>resolved_hyperparameters</c>) and <c>checkpoints.csv</c> (one row per
/// checkpoint, one column per proxy). Rows sorted by run id (and step), columns by name: the same study gives
/// the same bytes.
/// </summary>
public static class CsvExport
{
    public static readonly string[] RunColumns =
        ["run_id", "task", "demonstrations", "algorithm", "config_id", "seed", "state", "error", "wall_seconds", "cpu_seconds", "code_version",
            "resolved_hyperparameters"];

    public static readonly string[] CheckpointColumns =
        ["run_id", "task", "demonstrations", "algorithm", "config_id", "seed", "step", "oracle_return", "normalized_score"];

    /// <param name="hyperparameters">A run's hyperparameters as canonical text (name → value).</param>
    public static void WriteRuns(TextWriter output, IEnumerable<RunRecord> runs, Func<RunRecord, IReadOnlyDictionary<string, string>> hyperparameters)
    {
        var rows = runs.OrderBy(r => r.RunId, StringComparer.Ordinal).Select(r => (Run: r, Hp: hyperparameters(r))).ToList();
        var hpNames = rows.SelectMany(r => r.Hp.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var csv = new CsvWriter(output);
        csv.WriteRow([.. RunColumns, .. hpNames.Select(n => Unclash(n, RunColumns))]);
        foreach (var (r, hp) in rows)
        {
            csv.WriteRow([
                r.RunId, r.Task, r.Demonstrations, r.Algorithm, r.ConfigId, r.Seed.ToString(CultureInfo.InvariantCulture),
                State(r.State), r.Error, r.WallSeconds is { } w ? CsvWriter.Number(w) : null,
                r.CpuSeconds is { } cpu ? CsvWriter.Number(cpu) : null, r.CodeVersion, r.ResolvedHyperparameters,
                .. hpNames.Select(n => hp.TryGetValue(n, out var v) ? v : null),
            ]);
        }
    }

    public static void WriteCheckpoints(TextWriter output, IEnumerable<CheckpointRow> checkpoints)
    {
        var rows = checkpoints.OrderBy(c => c.RunId, StringComparer.Ordinal).ThenBy(c => c.CheckpointIndex).ToList();
        var proxies = rows.SelectMany(r => r.Proxies.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var csv = new CsvWriter(output);
        csv.WriteRow([.. CheckpointColumns, .. proxies.Select(n => Unclash(n, CheckpointColumns))]);
        foreach (var c in rows)
        {
            csv.WriteRow([
                c.RunId, c.Task, c.Demonstrations, c.Algorithm, c.ConfigId, c.Seed.ToString(CultureInfo.InvariantCulture),
                CsvWriter.Number(c.Step), CsvWriter.Number(c.OracleReturn), CsvWriter.Number(c.NormalizedScore),
                .. proxies.Select(n => c.Proxies.TryGetValue(n, out double v) ? CsvWriter.Number(v) : null),
            ]);
        }
    }

    public static string State(RunState state) => state.ToString().ToLowerInvariant();

    /// <summary>A hyperparameter or proxy named like a fixed column (say "seed") gets a prefix, never a duplicate header.</summary>
    private static string Unclash(string name, string[] fixedColumns) =>
        fixedColumns.Contains(name, StringComparer.Ordinal) ? "hp_" + name : name;
}
