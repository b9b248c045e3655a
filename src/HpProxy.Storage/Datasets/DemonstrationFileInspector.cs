using HpProxy.Core.Envs;
using HpProxy.Core.Studies;

namespace HpProxy.Storage.Datasets;

/// <summary>
/// Checks the demonstration files a study names (<see cref="IDemonstrationFiles"/>): the file exists and is an
/// HpProxy RLDS Parquet file (<see cref="DemonstrationDataset"/>; a file written elsewhere goes through
/// <c>hpproxy demos import</c> first), of a task this build knows, whose episodes pass <see cref="EpisodeChecks"/>.
/// Reads the whole file once: studies name few files, and a bad value found now costs nothing, found by a worker
/// hours later it costs a study.
/// </summary>
public sealed class DemonstrationFileInspector(Func<string, TaskInfo?> findTask) : IDemonstrationFiles
{
    public DemonstrationFileCheck Inspect(string path)
    {
        if (!File.Exists(path)) return DemonstrationFileCheck.Unusable($"no such file ({Path.GetFullPath(path)})");
        try
        {
            string sha = DatasetFileHash.Of(path);
            var (info, episodes) = DemonstrationDataset.Read(path);
            if (findTask(info.Task) is not { } task)
                return DemonstrationFileCheck.Unusable($"the file holds demonstrations of task '{info.Task}', which this build does not know");
            var problems = EpisodeChecks.Problems(info, episodes, task);
            if (problems.Count > 0) return new DemonstrationFileCheck(null, problems);
            return DemonstrationFileCheck.Usable(new DemonstrationFileFacts(sha, info.Task, info.Demonstrator, episodes.Count, info.HasRewards));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException
            or InvalidOperationException or ArgumentException or NotSupportedException or OverflowException or IndexOutOfRangeException)
        {
            // Parquet.Net reports a file that is not Parquet (or is damaged) with IOException/InvalidDataException and,
            // for some corruptions, with other exceptions: all are a problem of the file, never a crash of validation.
            return DemonstrationFileCheck.Unusable("cannot read it as an HpProxy RLDS Parquet file: " + OneLine(e.Message)
                + " (a file written elsewhere: run 'hpproxy demos import' on it first)");
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
