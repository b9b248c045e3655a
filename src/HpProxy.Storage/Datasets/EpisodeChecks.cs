using System.Globalization;
using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Data;

namespace HpProxy.Storage.Datasets;

/// <summary>
/// What a demonstration file must satisfy to be trained on (beyond the RLDS invariants the reader checks): at least
/// one episode with at least one transition, the task's observation and action sizes, finite observations, actions
/// and (when recorded) rewards, and actions in [-1, 1] (SPEC.md §3: every task's actions are normalised; a policy with
/// a tanh output cannot imitate anything outside). Each problem is one sentence naming the episode and step.
/// </summary>
public static class EpisodeChecks
{
    /// <summary>Tolerance on the action bounds (float rounding of data written elsewhere).</summary>
    public const float ActionTolerance = 1e-5f;

    private const int MaxProblems = 5;

    public static IReadOnlyList<string> Problems(RldsDatasetInfo info, IReadOnlyList<RecordedEpisode> episodes, TaskInfo task)
    {
        var problems = new List<string>();
        if (info.ObservationSize != task.ObservationSize || info.ActionSize != task.ActionSize)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"observation/action sizes {info.ObservationSize}/{info.ActionSize} do not match task '{task.Name}' ({task.ObservationSize}/{task.ActionSize})"));
            return problems;
        }
        if (episodes.Count == 0) problems.Add("the file holds no episodes");
        foreach (var e in episodes)
        {
            if (problems.Count >= MaxProblems) break;
            string where = $"episode {e.Metadata.Index}";
            if (e.Length < 1) problems.Add($"{where} has no transition (one step only)");
            if (FirstNonFinite(e.Observations, e.ObservationSize) is { } o) problems.Add($"{where} step {o}: an observation is not finite");
            // The last step's action and reward are unused (RLDS), so only steps 0..T-1 are checked.
            var actions = e.Actions.AsSpan(0, e.Length * e.ActionSize);
            if (FirstNonFinite(actions, e.ActionSize) is { } a) problems.Add($"{where} step {a}: an action is not finite");
            else if (FirstOutOfRange(actions, e.ActionSize) is { } r)
                problems.Add($"{where} step {r}: an action lies outside [-1, 1] (actions must be normalised to the task's range)");
            if (info.HasRewards)
            {
                for (int t = 0; t < e.Length; t++)
                {
                    if (double.IsFinite(e.Rewards[t].Value)) continue;
                    problems.Add($"{where} step {t}: the reward is not finite");
                    break;
                }
            }
        }
        return problems;
    }

    private static int? FirstNonFinite(ReadOnlySpan<float> values, int width)
    {
        for (int i = 0; i < values.Length; i++)
            if (!float.IsFinite(values[i])) return i / width;
        return null;
    }

    private static int? FirstOutOfRange(ReadOnlySpan<float> values, int width)
    {
        for (int i = 0; i < values.Length; i++)
            if (Math.Abs(values[i]) > 1f + ActionTolerance) return i / width;
        return null;
    }
}
