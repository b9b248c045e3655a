using HpProxy.Scheduling.Jobs;
using HpProxy.Scheduling.Tests.Fakes;
using HpProxy.Storage;

namespace HpProxy.Scheduling.Tests.Jobs;

public sealed class LeaseKeeperTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    private static (InMemoryStudyStore Store, ManualTime Time, RunClaim Claim) Claimed()
    {
        var time = new ManualTime();
        var store = new InMemoryStudyStore(time);
        store.Add("r1");
        var claim = store.TryClaim("r1", "me:1:a", Lease)!;
        return (store, time, claim);
    }

    [Fact]
    public void Renewal_pushes_the_lease_forward_so_nobody_else_can_claim()
    {
        var (store, time, claim) = Claimed();
        using var keeper = new LeaseKeeper(store, claim, Lease, time: time);

        time.Advance(TimeSpan.FromSeconds(40));
        Assert.True(keeper.RenewOnce());
        time.Advance(TimeSpan.FromSeconds(40));

        // 80 s after the claim, but 40 s after the renewal: still held.
        Assert.Null(store.TryClaim("r1", "other:2:b", Lease));
        Assert.False(keeper.IsLost);
    }

    [Fact]
    public void Without_renewal_an_expired_lease_is_claimable_and_the_next_renewal_reports_it_lost()
    {
        var (store, time, claim) = Claimed();
        using var keeper = new LeaseKeeper(store, claim, Lease, time: time);

        time.Advance(TimeSpan.FromSeconds(61));
        Assert.NotNull(store.TryClaim("r1", "other:2:b", Lease));

        Assert.False(keeper.RenewOnce());
        Assert.True(keeper.IsLost);
        Assert.True(keeper.LostToken.IsCancellationRequested);
    }

    [Fact]
    public void A_transient_renewal_error_is_tolerated_while_the_lease_is_still_valid()
    {
        var (store, time, claim) = Claimed();
        using var keeper = new LeaseKeeper(store, claim, Lease, time: time);

        time.Advance(TimeSpan.FromSeconds(20));
        store.FailNextRenewal = new IOException("database is locked");

        Assert.True(keeper.RenewOnce());
        Assert.False(keeper.IsLost);
        Assert.True(keeper.RenewOnce());
    }

    [Fact]
    public void Renewal_errors_until_the_lease_runs_out_count_as_lost()
    {
        var (store, time, claim) = Claimed();
        using var keeper = new LeaseKeeper(store, claim, Lease, time: time);

        time.Advance(TimeSpan.FromSeconds(61));
        store.FailNextRenewal = new IOException("database is locked");

        Assert.False(keeper.RenewOnce());
        Assert.True(keeper.IsLost);
    }

    [Fact]
    public void A_stopped_keeper_no_longer_renews()
    {
        var (store, time, claim) = Claimed();
        using var keeper = new LeaseKeeper(store, claim, Lease, time: time);
        var before = store["r1"].LeaseUntil;

        keeper.Stop();
        time.Advance(TimeSpan.FromSeconds(30));
        keeper.RenewOnce();

        Assert.Equal(before, store["r1"].LeaseUntil);
    }
}
