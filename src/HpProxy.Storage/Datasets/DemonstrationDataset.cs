using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Data;

namespace HpProxy.Storage.Datasets;

/// <summary>
/// Demonstration episodes (<see cref="RecordedEpisode"/>, RLDS convention) as a Parquet file: one row per step
/// (<see cref="RldsStepRow"/>), the set's description as file metadata (<see cref="RldsDatasetInfo"/>). Task and
/// demonstrator are file-level, so every episode of a file shares them; an episode's id is its
/// <see cref="EpisodeMetadata.Index"/>. Reading checks the RLDS invariants (steps 0..T, first/last/terminal
/// flags, sizes) and reports the file and episode of any violation. Python: see <see cref="RldsParquetFile"/>.
/// </summary>
public static class DemonstrationDataset
{
    public static void Write(string path, RldsDatasetInfo info, IReadOnlyList<RecordedEpisode> episodes)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        // Written to a temporary name and moved, so a reader never sees half a file (workers may read while
        // another process writes the same deterministic set).
        string temp = path + "." + Environment.ProcessId + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                WriteAsync(stream, info, episodes).GetAwaiter().GetResult();
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public static async Task WriteAsync(Stream stream, RldsDatasetInfo info, IReadOnlyList<RecordedEpisode> episodes, CancellationToken ct = default)
    {
        var ids = new HashSet<int>();
        foreach (var e in episodes)
        {
            if (e.ObservationSize != info.ObservationSize || e.ActionSize != info.ActionSize)
                throw new ArgumentException($"episode {e.Metadata.Index}: sizes ({e.ObservationSize}, {e.ActionSize}) differ from the dataset's ({info.ObservationSize}, {info.ActionSize})", nameof(episodes));
            if (e.Metadata.Task != info.Task || e.Metadata.Demonstrator != info.Demonstrator)
                throw new ArgumentException($"episode {e.Metadata.Index}: task/demonstrator '{e.Metadata.Task}'/'{e.Metadata.Demonstrator}' differ from the dataset's '{info.Task}'/'{info.Demonstrator}'", nameof(episodes));
            if (!ids.Add(e.Metadata.Index))
                throw new ArgumentException($"episode index {e.Metadata.Index} appears twice", nameof(episodes));
        }
        await RldsParquetFile.WriteAsync(stream, info, episodes.SelectMany(ToRows), ct).ConfigureAwait(false);
    }

    public static (RldsDatasetInfo Info, IReadOnlyList<RecordedEpisode> Episodes) Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return ReadAsync(stream, path).GetAwaiter().GetResult();
    }

    public static async Task<(RldsDatasetInfo Info, IReadOnlyList<RecordedEpisode> Episodes)> ReadAsync(Stream stream, string source, CancellationToken ct = default)
    {
        var (info, rows) = await RldsParquetFile.ReadAsync(stream, source, ct).ConfigureAwait(false);
        return (info, FromRows(info, rows, source));
    }

    /// <summary>The file metadata only (the footer; no rows are decoded).</summary>
    public static RldsDatasetInfo ReadInfo(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return RldsParquetFile.ReadInfoAsync(stream, path).GetAwaiter().GetResult();
    }

    /// <summary>The T+1 step rows of an episode.</summary>
    public static IEnumerable<RldsStepRow> ToRows(RecordedEpisode e)
    {
        for (int t = 0; t < e.StepCount; t++)
        {
            yield return new RldsStepRow
            {
                EpisodeId = e.Metadata.Index,
                Step = t,
                Observation = [.. e.Observation(t)],
                Action = [.. e.Action(t)],
                Reward = e.Rewards[t].Value,
                Discount = e.Discount(t),
                IsFirst = e.IsFirst(t),
                IsLast = e.IsLast(t),
                IsTerminal = e.IsTerminal(t),
                EnvironmentSeed = e.Metadata.EnvironmentSeed,
                DemonstratorSeed = e.Metadata.DemonstratorSeed,
            };
        }
    }

    /// <summary>Groups rows into episodes (in order of first appearance; steps sorted) and checks them.</summary>
    public static IReadOnlyList<RecordedEpisode> FromRows(RldsDatasetInfo info, IEnumerable<RldsStepRow> rows, string source)
    {
        var groups = new Dictionary<int, List<RldsStepRow>>();
        var order = new List<int>();
        foreach (var r in rows)
        {
            if (!groups.TryGetValue(r.EpisodeId, out var list))
            {
                groups[r.EpisodeId] = list = [];
                order.Add(r.EpisodeId);
            }
            list.Add(r);
        }
        var episodes = new List<RecordedEpisode>(order.Count);
        foreach (int id in order)
        {
            var steps = groups[id];
            steps.Sort((a, b) => a.Step.CompareTo(b.Step));
            episodes.Add(ToEpisode(info, id, steps, source));
        }
        return episodes;
    }

    private static RecordedEpisode ToEpisode(RldsDatasetInfo info, int id, List<RldsStepRow> steps, string source)
    {
        string where = $"{source}: episode {id}";
        int count = steps.Count, obs = info.ObservationSize, act = info.ActionSize;
        var observations = new float[count * obs];
        var actions = new float[count * act];
        var rewards = new OracleReward[count];
        for (int t = 0; t < count; t++)
        {
            var s = steps[t];
            if (s.Step != t) throw new InvalidDataException($"{where}: steps are not 0..{count - 1} (found step {s.Step} at position {t})");
            if (s.Observation.Count != obs) throw new InvalidDataException($"{where} step {t}: observation has {s.Observation.Count} values, expected {obs}");
            if (s.Action.Count != act) throw new InvalidDataException($"{where} step {t}: action has {s.Action.Count} values, expected {act}");
            bool last = t == count - 1;
            if (s.IsFirst != (t == 0) || s.IsLast != last || (s.IsTerminal && !last))
                throw new InvalidDataException($"{where} step {t}: is_first/is_last/is_terminal = {s.IsFirst}/{s.IsLast}/{s.IsTerminal} break the RLDS convention");
            if (s.EnvironmentSeed != steps[0].EnvironmentSeed || s.DemonstratorSeed != steps[0].DemonstratorSeed)
                throw new InvalidDataException($"{where} step {t}: seeds differ within the episode");
            s.Observation.CopyTo(observations, t * obs);
            s.Action.CopyTo(actions, t * act);
            rewards[t] = new OracleReward(s.Reward);
        }
        var metadata = new EpisodeMetadata(info.Task, info.Demonstrator, id, steps[0].EnvironmentSeed, steps[0].DemonstratorSeed);
        return new RecordedEpisode(metadata, obs, act, observations, actions, rewards, steps[^1].IsTerminal);
    }
}
