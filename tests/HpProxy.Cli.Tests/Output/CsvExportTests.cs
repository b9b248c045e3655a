using HpProxy.Cli.Output;
using HpProxy.Core.Analysis;
using HpProxy.Storage;

namespace HpProxy.Cli.Tests.Output;

public sealed class CsvExportTests
{
    private static RunRecord Run(string id, RunState state, string? error, double? wall) =>
        new(id, "pendulum", "synthetic-5", "bc", "c1", 2, state, null, null, 1, error, wall, "{}");

    [Fact]
    public void Runs_csv_has_the_fixed_columns_then_one_per_hyperparameter_sorted()
    {
        var w = new StringWriter();
        var runs = new[] { Run("r2", RunState.Failed, "diverged: loss is NaN, at step 3", 1.5), Run("r1", RunState.Succeeded, null, 12.25) with { CpuSeconds = 11.5, CodeVersion = "1.0.0+abc", ResolvedHyperparameters = "{\"activation\":\"relu\",\"lr\":0.001}" } };
        var hp = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["r1"] = new Dictionary<string, string> { ["lr"] = "0.001", ["activation"] = "relu" },
            ["r2"] = new Dictionary<string, string> { ["lr"] = "0.01", ["seed"] = "5" },
        };

        CsvExport.WriteRuns(w, runs, r => hp[r.RunId]);

        Assert.Equal(
            "run_id,task,demonstrations,algorithm,config_id,seed,state,error,wall_seconds,cpu_seconds,code_version,resolved_hyperparameters,activation,lr,hp_seed\r\n"
            + "r1,pendulum,synthetic-5,bc,c1,2,succeeded,,12.25,11.5,1.0.0+abc,\"{\"\"activation\"\":\"\"relu\"\",\"\"lr\"\":0.001}\",relu,0.001,\r\n"
            + "r2,pendulum,synthetic-5,bc,c1,2,failed,\"diverged: loss is NaN, at step 3\",1.5,,,,,0.01,5\r\n",
            w.ToString());
    }

    [Fact]
    public void Checkpoints_csv_has_one_column_per_proxy_and_blanks_where_a_proxy_is_missing()
    {
        var w = new StringWriter();
        var rows = new[]
        {
            new CheckpointRow("r1", "pendulum", "synthetic-5", "bc", "c1", 2, 1, 2000, -150.5, 0.75,
                new Dictionary<string, double> { ["action_mse"] = 0.25 }),
            new CheckpointRow("r1", "pendulum", "synthetic-5", "bc", "c1", 2, 0, 1000, -900, 0.1,
                new Dictionary<string, double> { ["action_mse"] = 0.5, ["state_wasserstein"] = 3.125 }),
        };

        CsvExport.WriteCheckpoints(w, rows);

        Assert.Equal(
            "run_id,task,demonstrations,algorithm,config_id,seed,step,oracle_return,normalized_score,action_mse,state_wasserstein\r\n"
            + "r1,pendulum,synthetic-5,bc,c1,2,1000,-900,0.1,0.5,3.125\r\n"
            + "r1,pendulum,synthetic-5,bc,c1,2,2000,-150.5,0.75,0.25,\r\n",
            w.ToString());
    }
}
