using HpProxy.Core.Agents.Replay;
using HpProxy.Core.Common;
using HpProxy.Core.Envs.Data;

namespace HpProxy.Core.Tests.Agents;

public class ReplayTests
{
    [Fact]
    public void Buffer_is_circular_and_samples_what_was_stored()
    {
        var buffer = new ReplayBuffer(3, 1, 1);
        for (int i = 0; i < 5; i++) buffer.Add([i], [10 + i], [i + 1], terminated: i == 4, stored: 100 + i);
        Assert.Equal(3, buffer.Count);
        var batch = new TransitionBatch(64, 1, 1);
        buffer.SampleInto(batch, 0, 64, new Rng(1));
        var seen = new HashSet<float>();
        for (int r = 0; r < 64; r++)
        {
            float s = batch.Observation(r)[0];
            seen.Add(s);
            Assert.Equal(s + 10, batch.Action(r)[0]);
            Assert.Equal(s + 1, batch.NextObservation(r)[0]);
            Assert.Equal(s == 4 ? 1f : 0f, batch.Terminated[r]);
            Assert.Equal(s + 100, batch.Stored[r]);
            Assert.False(batch.IsExpert[r]);
        }
        Assert.Equal([2f, 3f, 4f], seen.Order());
    }

    [Fact]
    public void Termination_becomes_two_non_terminal_rows_into_the_absorbing_state()
    {
        var absorbing = new AbsorbingStates(2, 1, enabled: true);
        var buffer = new ReplayBuffer(10, absorbing.StoredObservationSize, 1);
        absorbing.Store(buffer, [1f, 2f], [0.5f], [3f, 4f], terminated: false);
        absorbing.Store(buffer, [3f, 4f], [0.7f], [5f, 6f], terminated: true);
        Assert.Equal(3, buffer.Count);
        Assert.Equal([1f, 2f, 0f], buffer.Observation(0).ToArray());
        Assert.Equal([3f, 4f, 0f], buffer.NextObservation(0).ToArray());
        Assert.Equal([3f, 4f, 0f], buffer.Observation(1).ToArray());
        Assert.Equal([0f, 0f, 1f], buffer.NextObservation(1).ToArray());
        Assert.Equal([0f, 0f, 1f], buffer.Observation(2).ToArray());
        Assert.Equal([0f], buffer.Action(2).ToArray());
        Assert.Equal([0f, 0f, 1f], buffer.NextObservation(2).ToArray());
        for (int i = 0; i < 3; i++) Assert.False(buffer.IsTerminal(i));
    }

    [Fact]
    public void Without_absorbing_states_termination_is_kept_and_truncation_bootstraps()
    {
        var absorbing = new AbsorbingStates(1, 1, enabled: false);
        var buffer = new ReplayBuffer(10, 1, 1);
        var episodes = new[]
        {
            new Trajectory(1, 1, [0f, 1f, 2f], [0f, 0f], terminated: true),
            new Trajectory(1, 1, [5f, 6f], [0f], terminated: false),
        };
        absorbing.StoreDemonstrations(buffer, episodes);
        Assert.Equal(absorbing.RowsFor(episodes), buffer.Count);
        Assert.Equal([false, true, false], Enumerable.Range(0, 3).Select(buffer.IsTerminal));
        var withAbsorbing = new AbsorbingStates(1, 1, enabled: true);
        Assert.Equal(4, withAbsorbing.RowsFor(episodes));
    }

    [Fact]
    public void Encoder_standardises_and_centres_the_absorbing_state()
    {
        var stats = new ObservationStats([1f, 2f], [2f, 4f]);
        var encoder = new ObservationEncoder(stats, normalize: true, absorbing: true);
        float[] rows = [3f, 6f, 0f, 0f, 0f, 1f];
        var dst = new float[6];
        encoder.Encode(rows, dst, 2);
        Assert.Equal([1f, 1f, 0f, 0f, 0f, 1f], dst);
        var plain = new ObservationEncoder(stats, normalize: false, absorbing: false);
        var one = new float[2];
        plain.EncodeRaw([3f, 6f], one);
        Assert.Equal([3f, 6f], one);
    }
}
