using System.Text.Json;
using HpProxy.Core.Common;
using HpProxy.Core.Spaces;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Tests.Studies;

public class RunSpecJsonTests
{
    private static RunSpec Spec() => new(
        Task: "pendulum",
        Demonstrations: new DemoSpec("synthetic", "energy-shaping", "synthetic",
            new HyperparameterSet([new("noise", HpValue.Of(0.1))]), 10, 5, 12345678901234567890UL),
        Algorithm: "bc",
        ConfigId: "0123456789abcdef",
        Hyperparameters: new HyperparameterSet([
            new("learning_rate", HpValue.Of(1e-5)),
            new("hidden_units", HpValue.Of(64)),
            new("activation", HpValue.Of("relu")),
            new("normalize", HpValue.Of(true)),
            new("tricky", HpValue.Of(0.1 + 0.2)),
        ]),
        Seed: 1,
        Budget: 2000,
        Checkpoints: 3,
        Evaluation: new EvaluationSpec(10, 42),
        Proxies: [
            new ProxySpec("action_mse", HyperparameterSet.Empty),
            new ProxySpec("state_wasserstein", new HyperparameterSet([new("epsilon", HpValue.Of(0.01)), new("max_points", HpValue.Of(1000))])),
        ]);

    private const string Expected =
        "{\"algorithm\":\"bc\",\"budget\":2000,\"checkpoints\":3,\"config_id\":\"0123456789abcdef\"," +
        "\"demonstrations\":{\"demonstrator\":\"energy-shaping\",\"name\":\"synthetic\",\"parameters\":{\"noise\":0.1}," +
        "\"regime\":\"synthetic\",\"seed\":12345678901234567890,\"train_episodes\":10,\"validation_episodes\":5}," +
        "\"evaluation\":{\"episodes\":10,\"seed\":42}," +
        "\"hyperparameters\":{\"activation\":\"relu\",\"hidden_units\":64,\"learning_rate\":1E-05,\"normalize\":\"true\",\"tricky\":0.30000000000000004}," +
        "\"proxies\":[{\"name\":\"action_mse\",\"settings\":{}},{\"name\":\"state_wasserstein\",\"settings\":{\"epsilon\":0.01,\"max_points\":1000}}]," +
        "\"seed\":1,\"task\":\"pendulum\"}";

    [Fact]
    public void Serializes_to_the_canonical_form()
    {
        Assert.Equal(Expected, RunSpecJson.Serialize(Spec()));
    }

    [Fact]
    public void Every_object_has_sorted_keys()
    {
        using var doc = JsonDocument.Parse(RunSpecJson.Serialize(Spec()));
        AssertSorted(doc.RootElement);

        static void AssertSorted(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                var names = e.EnumerateObject().Select(p => p.Name).ToList();
                Assert.Equal(names.Order(StringComparer.Ordinal), names);
                foreach (var p in e.EnumerateObject()) AssertSorted(p.Value);
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray()) AssertSorted(item);
            }
        }
    }

    [Fact]
    public void Round_trip_is_exact()
    {
        var spec = Spec();
        var back = RunSpecJson.Deserialize(RunSpecJson.Serialize(spec));
        Assert.Equal(Expected, RunSpecJson.Serialize(back));
        Assert.Equal(spec.Hyperparameters, back.Hyperparameters);
        Assert.Equal(0.1 + 0.2, back.Hyperparameters.GetDouble("tricky", 0));
        Assert.Equal(spec.Demonstrations, back.Demonstrations);
        Assert.Equal(spec.Evaluation, back.Evaluation);
        Assert.Equal(spec.Proxies, back.Proxies);
        Assert.True(back.Hyperparameters["hidden_units"].IsNumber);
        Assert.False(back.Hyperparameters["activation"].IsNumber);
        Assert.Equal(spec with { Proxies = back.Proxies }, back with { Proxies = back.Proxies });
    }

    [Theory]
    [InlineData(double.Epsilon)]
    [InlineData(1.0 / 3.0)]
    [InlineData(-0.0)]
    [InlineData(1e300)]
    [InlineData(123456789.123456789)]
    public void Doubles_round_trip_bit_for_bit(double value)
    {
        var spec = Spec() with { Hyperparameters = new HyperparameterSet([new("x", HpValue.Of(value))]) };
        double back = RunSpecJson.Deserialize(RunSpecJson.Serialize(spec)).Hyperparameters.GetDouble("x", double.NaN);
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(back));
    }

    [Fact]
    public void Run_id_is_the_first_16_hex_of_sha256_of_the_canonical_json()
    {
        Assert.Equal(StableHash.Sha256Hex(Expected)[..16], RunSpecJson.RunId(Spec()));
        Assert.NotEqual(RunSpecJson.RunId(Spec()), RunSpecJson.RunId(Spec() with { Seed = 2 }));
        Assert.NotEqual(RunSpecJson.RunId(Spec()), RunSpecJson.RunId(Spec() with { Budget = 2001 }));
    }

    [Fact]
    public void Non_finite_values_cannot_be_serialized()
    {
        var spec = Spec() with { Hyperparameters = new HyperparameterSet([new("x", HpValue.Of(double.NaN))]) };
        Assert.Throws<ArgumentException>(() => RunSpecJson.Serialize(spec));
    }

    [Fact]
    public void Deserialize_rejects_unknown_and_missing_keys()
    {
        Assert.Throws<JsonException>(() => RunSpecJson.Deserialize(Expected.Replace("\"task\":", "\"tusk\":", StringComparison.Ordinal)));
        Assert.Throws<JsonException>(() => RunSpecJson.Deserialize(Expected.Replace(",\"seed\":1,", ",", StringComparison.Ordinal)));
        Assert.Throws<JsonException>(() => RunSpecJson.Deserialize(Expected.Replace("\"relu\"", "[1]", StringComparison.Ordinal)));
    }
}

public class RunSpecJsonFileTests
{
    private static RunSpec Spec(DemoFileSpec? file) => new(
        "pendulum",
        new DemoSpec("human", "human", "file", HpProxy.Core.Spaces.HyperparameterSet.Empty, 10, 5, 7) { File = file },
        "bc", "0123456789abcdef", HpProxy.Core.Spaces.HyperparameterSet.Empty, 0, 100, 2, new EvaluationSpec(10, 42), []);

    [Fact]
    public void A_file_set_writes_its_hash_and_reference_in_sorted_position_and_reads_back()
    {
        var spec = Spec(new DemoFileSpec(new string('e', 64), -12.25));
        string json = RunSpecJson.Serialize(spec);
        Assert.Contains("\"demonstrator\":\"human\",\"file\":{\"reference_return\":-12.25,\"sha256\":\"" + new string('e', 64) + "\"},\"name\":\"human\"", json, StringComparison.Ordinal);
        var back = RunSpecJson.Deserialize(json);
        Assert.Equal(spec.Demonstrations.File, back.Demonstrations.File);
        Assert.Equal(json, RunSpecJson.Serialize(back));
    }

    [Fact]
    public void A_generated_set_has_no_file_key_and_reads_back_without_one()
    {
        string json = RunSpecJson.Serialize(Spec(null));
        Assert.DoesNotContain("\"file\":", json, StringComparison.Ordinal);
        Assert.Null(RunSpecJson.Deserialize(json).Demonstrations.File);
    }

    [Fact]
    public void The_hash_changes_the_run_id()
    {
        Assert.NotEqual(RunSpecJson.RunId(Spec(new DemoFileSpec(new string('e', 64), null))), RunSpecJson.RunId(Spec(new DemoFileSpec(new string('f', 64), null))));
        Assert.NotEqual(RunSpecJson.RunId(Spec(null)), RunSpecJson.RunId(Spec(new DemoFileSpec(new string('f', 64), null))));
    }
}
