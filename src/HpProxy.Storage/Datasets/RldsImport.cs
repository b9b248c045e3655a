using System.Collections;
using System.Globalization;
using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Data;
using Parquet.Serialization;

namespace HpProxy.Storage.Datasets;

/// <summary>
/// Reads RLDS step rows written by someone else (pyarrow, pandas, another tool) into episodes of our layout
/// (<c>hpproxy demos import</c>). One row per RLDS step, as in our own files (src/HpProxy.Storage/README.md), with
/// looser typing: any integer or string type for <c>episode_id</c>, float or double lists for <c>observation</c>
/// and <c>action</c>. Columns:
/// <list type="bullet">
/// <item><c>observation</c>, <c>action</c> (lists of numbers): required;</item>
/// <item><c>episode_id</c>: groups rows into episodes (in order of first appearance); without it, episodes end at
/// rows with <c>is_last</c> true, in row order;</item>
/// <item><c>step</c>: orders rows within an episode (row order otherwise);</item>
/// <item><c>is_last</c>: required without <c>episode_id</c>; otherwise, when present, it must mark each episode's
/// last row; <c>is_first</c> likewise for the first row;</item>
/// <item><c>is_terminal</c>: the episode ended in a true terminal state (absent: derived from <c>discount</c> = 0 on the
/// last step when that column exists, else false, i.e. truncated);</item>
/// <item><c>reward</c>: optional; without it the dataset is marked as having no rewards (a study then gives
/// <c>reference_return</c>);</item>
/// <item>anything else is ignored. File metadata <c>hpproxy.*</c>, when present (one of our files), supplies the
/// demonstrator, regime and parameters.</item>
/// </list>
/// </summary>
public static class RldsImport
{
    /// <summary>The regime recorded for imported data that does not say its own.</summary>
    public const string ImportedRegime = "recorded";

    public static (RldsDatasetInfo Info, IReadOnlyList<RecordedEpisode> Episodes) Read(string path, TaskInfo task, string? demonstrator)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var result = ParquetSerializer.DeserializeUntypedAsync(stream).GetAwaiter().GetResult();
        var rows = result.Data;
        var columns = result.Schema.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var required in new[] { "observation", "action" })
        {
            if (!columns.Contains(required))
                throw new InvalidDataException($"{path}: no '{required}' column (columns: {string.Join(", ", columns.Order(StringComparer.Ordinal))})");
        }
        if (!columns.Contains("episode_id") && !columns.Contains("is_last"))
            throw new InvalidDataException($"{path}: needs an 'episode_id' or an 'is_last' column to tell episodes apart");

        var meta = result.CustomMetadata;
        if (meta.TryGetValue("hpproxy.task", out var fileTask) && fileTask != task.Name)
            throw new InvalidDataException($"{path}: the file says it holds task '{fileTask}', not '{task.Name}'");
        bool hasRewards = columns.Contains("reward")
            && (!meta.TryGetValue("hpproxy.rewards", out var r) || r != RldsDatasetInfo.RewardsAbsent);
        var info = new RldsDatasetInfo(
            task.Name,
            demonstrator ?? (meta.TryGetValue("hpproxy.demonstrator", out var d) ? d : "imported"),
            meta.TryGetValue("hpproxy.regime", out var regime) ? regime : ImportedRegime,
            meta.TryGetValue("hpproxy.parameters", out var p) ? p : "{}",
            task.ObservationSize,
            task.ActionSize)
        {
            HasRewards = hasRewards,
        };

        var groups = Group(rows, columns, path);
        var episodes = new List<RecordedEpisode>(groups.Count);
        for (int i = 0; i < groups.Count; i++) episodes.Add(ToEpisode(info, i, groups[i], columns, path));
        return (info, episodes);
    }

    private static List<List<(int Row, Dictionary<string, object> Values)>> Group(
        IList<Dictionary<string, object>> rows, HashSet<string> columns, string path)
    {
        var groups = new List<List<(int, Dictionary<string, object>)>>();
        if (columns.Contains("episode_id"))
        {
            var byId = new Dictionary<string, List<(int, Dictionary<string, object>)>>(StringComparer.Ordinal);
            for (int i = 0; i < rows.Count; i++)
            {
                string id = Convert.ToString(Value(rows[i], "episode_id", i, path), CultureInfo.InvariantCulture)!;
                if (!byId.TryGetValue(id, out var list))
                {
                    byId[id] = list = [];
                    groups.Add(list);
                }
                list.Add((i, rows[i]));
            }
        }
        else
        {
            List<(int, Dictionary<string, object>)>? current = null;
            for (int i = 0; i < rows.Count; i++)
            {
                if (current is null) groups.Add(current = []);
                current.Add((i, rows[i]));
                if (Bool(rows[i], "is_last", i, path)) current = null;
            }
            if (current is not null) throw new InvalidDataException($"{path}: the last episode has no row with is_last true");
        }
        if (columns.Contains("step"))
        {
            foreach (var g in groups)
                g.Sort((a, b) => Convert.ToInt64(Value(a.Item2, "step", a.Item1, path), CultureInfo.InvariantCulture)
                    .CompareTo(Convert.ToInt64(Value(b.Item2, "step", b.Item1, path), CultureInfo.InvariantCulture)));
        }
        return groups;
    }

    private static RecordedEpisode ToEpisode(RldsDatasetInfo info, int index, List<(int Row, Dictionary<string, object> Values)> steps,
        HashSet<string> columns, string path)
    {
        int count = steps.Count, obs = info.ObservationSize, act = info.ActionSize;
        var observations = new float[count * obs];
        var actions = new float[count * act];
        var rewards = new OracleReward[count];
        for (int t = 0; t < count; t++)
        {
            var (row, values) = steps[t];
            string where = $"{path}: row {row} (episode {index}, step {t})";
            bool last = t == count - 1;
            if (columns.Contains("is_first") && Bool(values, "is_first", row, path) != (t == 0))
                throw new InvalidDataException($"{where}: is_first is {!(t == 0)}; it must be true on an episode's first step only");
            if (columns.Contains("is_last") && Bool(values, "is_last", row, path) != last)
                throw new InvalidDataException($"{where}: is_last is {!last}; it must be true on an episode's last step only");
            if (columns.Contains("is_terminal") && !last && Bool(values, "is_terminal", row, path))
                throw new InvalidDataException($"{where}: is_terminal is true before the episode's last step");
            CopyList(values, "observation", obs, observations.AsSpan(t * obs, obs), where, row, path);
            // RLDS: the last step's action (and reward) are unused; tools often write zeros or nothing there.
            if (!last) CopyList(values, "action", act, actions.AsSpan(t * act, act), where, row, path);
            if (info.HasRewards && !last) rewards[t] = new OracleReward(Convert.ToDouble(Value(values, "reward", row, path), CultureInfo.InvariantCulture));
        }
        var (lastRow, lastValues) = steps[^1];
        bool terminal = columns.Contains("is_terminal")
            ? Bool(lastValues, "is_terminal", lastRow, path)
            : columns.Contains("discount") && Convert.ToDouble(Value(lastValues, "discount", lastRow, path), CultureInfo.InvariantCulture) == 0;
        ulong envSeed = columns.Contains("environment_seed") ? Convert.ToUInt64(Value(steps[0].Values, "environment_seed", steps[0].Row, path), CultureInfo.InvariantCulture) : 0;
        ulong demoSeed = columns.Contains("demonstrator_seed") ? Convert.ToUInt64(Value(steps[0].Values, "demonstrator_seed", steps[0].Row, path), CultureInfo.InvariantCulture) : 0;
        var metadata = new EpisodeMetadata(info.Task, info.Demonstrator, index, envSeed, demoSeed);
        return new RecordedEpisode(metadata, obs, act, observations, actions, rewards, terminal);
    }

    private static void CopyList(Dictionary<string, object> values, string column, int size, Span<float> destination, string where, int row, string path)
    {
        if (Value(values, column, row, path) is not IEnumerable list || list is string)
            throw new InvalidDataException($"{where}: '{column}' is not a list of numbers");
        int i = 0;
        foreach (var item in list)
        {
            if (item is null) throw new InvalidDataException($"{where}: '{column}' holds a null");
            if (i < size) destination[i] = Convert.ToSingle(item, CultureInfo.InvariantCulture);
            i++;
        }
        if (i != size) throw new InvalidDataException($"{where}: '{column}' has {i} values, the task expects {size}");
    }

    private static object Value(Dictionary<string, object> values, string column, int row, string path) =>
        values.TryGetValue(column, out var v) && v is not null ? v : throw new InvalidDataException($"{path}: row {row}: '{column}' is null");

    private static bool Bool(Dictionary<string, object> values, string column, int row, string path) =>
        Value(values, column, row, path) is bool b ? b : throw new InvalidDataException($"{path}: row {row}: '{column}' is not a boolean");
}
