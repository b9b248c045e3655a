using Hangfire;
using Hangfire.States;
using HpProxy.Core.Runs;
using HpProxy.Scheduling.Coordination;
using HpProxy.Scheduling.Jobs;
using HpProxy.Scheduling.Queueing;
using HpProxy.Scheduling.Tests.Fakes;
using HpProxy.Scheduling.Workers;
using HpProxy.Storage;
using HpProxy.TestSupport;
using Npgsql;

namespace HpProxy.Scheduling.Tests.Coordination;

/// <summary>
/// A coordinator and its worker were killed (kill -9) mid-study: the queue still holds the dead coordinator's waiting
/// jobs for every later run, two runs stay 'running' with an expired lease, and their jobs were fetched by the dead
/// worker. After a resume the stranded runs must run before the later runs of the plan (decision 0009), with the real
/// Hangfire queue and study database of each storage (SQLite; PostgreSQL below). Order and state only, no timing.
/// </summary>
public abstract class ResumeOrderTests : IDisposable
{
    private static readonly SchedulingOptions Fast = FastOptions.Scheduling;

    private static readonly string[] Plan = ["r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8"];

    protected ResumeOrderTests()
    {
        Root = Path.Combine(Path.GetTempPath(), "hpproxy-resume-" + Guid.NewGuid().ToString("N")[..8]);
        StudyName = "resume_" + Guid.NewGuid().ToString("N")[..10];
    }

    protected string Root { get; }

    protected string StudyName { get; }

    protected abstract StudyLocation Location { get; }

    /// <summary>A new store on the test's study database (each call its own connections; the caller disposes it).</summary>
    protected abstract IStudyStore OpenStore(TimeProvider clock);

    public virtual void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void After_a_resume_the_stranded_runs_run_before_the_later_runs_of_the_plan()
    {
        var clock = new ManualTime(DateTimeOffset.UtcNow);
        using var store = OpenStore(clock);
        store.Migrate();
        store.AddRuns(Plan.Select(r => new PlannedRun(r, "task", "demo", "bc", "cfg", 0, "{}")));
        var storage = HangfireStorageFactory.Create(Location, Fast);
        try
        {
            // The dead coordinator enqueued every run; its workers fetched the first three jobs, finished r1, and
            // were killed while r2 and r3 ran: those jobs stay fetched (invisible for a day), the rest wait.
            var oldQueue = new HangfireRunQueue(storage, Location);
            foreach (string r in Plan) oldQueue.Enqueue(r);
            using (var connection = storage.GetConnection())
            {
                for (int i = 0; i < 3; i++) connection.FetchNextJob([EnqueuedState.DefaultQueue], CancellationToken.None);
            }
            Assert.True(store.CompleteSucceeded(store.TryClaim("r1", "dead:1:a", Fast.Lease)!, [], 1));
            Assert.NotNull(store.TryClaim("r2", "dead:1:b", Fast.Lease));
            Assert.NotNull(store.TryClaim("r3", "dead:2:c", Fast.Lease));
            clock.Advance(Fast.Lease + TimeSpan.FromSeconds(1));

            // What status and the progress line read: the two are stalled, nobody runs anything.
            var before = store.GetProgress();
            Assert.Equal((8, 5, 2, 2, 0), (before.Total, before.Pending, before.Running, before.Stalled, before.LiveRunning));

            // resume: a new coordinator enqueues jobs for the unfinished runs that the old waiting jobs (r4..r8) do not
            // cover, in plan order, behind them; then one worker thread serves the queue in its FIFO order.
            var queue = new HangfireRunQueue(storage, Location);
            Assert.Equal(5, queue.WaitingCount());
            var (first, _) = new RunEnqueuer(queue, Fast.Lease).EnqueueDue(store, clock.GetUtcNow());
            Assert.Equal(["r2", "r3"], first);
            var work = new OrderRecordingWork(new SyntheticRunWork(1, TimeSpan.Zero));
            // The worker opens its own store on the same database (another connection, as another process would).
            var host = new WorkerHost(Location, new DelegateStudyStoreOpener(_ => OpenStore(clock)), work, Fast, threads: 1);
            using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));

            Assert.Equal(WorkerHost.ExitReason.StudyDone, host.Run(guard.Token));

            // Plan order: the stranded runs first (before: r4..r8 from the old jobs, then r2 and r3 last).
            Assert.Equal(["r2", "r3", "r4", "r5", "r6", "r7", "r8"], work.Order);
            var runs = store.GetRuns().ToDictionary(r => r.RunId);
            Assert.All(Plan, r => Assert.Equal(RunState.Succeeded, runs[r].State));
            Assert.Equal([1, 2, 2, 1, 1, 1, 1, 1], Plan.Select(r => runs[r].Attempts));
            Assert.Equal(new StudyProgress(8, 0, 0, 8, 0, 0), store.GetProgress());
            Assert.Equal(0, queue.WaitingCount()); // seven jobs, seven runs: none left over
        }
        finally
        {
            (storage as IDisposable)?.Dispose();
        }
    }

    /// <summary>Records the order in which runs start (one worker thread: the order they were claimed).</summary>
    private sealed class OrderRecordingWork(IRunWork inner) : IRunWork
    {
        private readonly Lock _gate = new();
        private readonly List<string> _order = [];

        public IReadOnlyList<string> Order
        {
            get { lock (_gate) return [.. _order]; }
        }

        public RunWorkResult Execute(RunWorkContext context, Action<CheckpointResult> onCheckpoint, CancellationToken cancellationToken)
        {
            lock (_gate) _order.Add(context.RunId);
            return inner.Execute(context, onCheckpoint, cancellationToken);
        }
    }
}

public sealed class SqliteResumeOrderTests : ResumeOrderTests
{
    protected override StudyLocation Location => new(Path.GetFullPath(Root), StudyName);

    protected override IStudyStore OpenStore(TimeProvider clock)
    {
        Directory.CreateDirectory(Location.StudyDirectory);
        return new SqliteStudyStore(Path.Combine(Location.StudyDirectory, StudyStoreFactory.SqliteFileName), clock);
    }
}

/// <summary>The same with the study database and the Hangfire queue in PostgreSQL (<c>HPPROXY_TEST_POSTGRES</c> or
/// <c>scripts/postgres.sh</c>).</summary>
public sealed class PostgresResumeOrderTests : ResumeOrderTests
{
    protected override StudyLocation Location => new(Path.GetFullPath(Root), StudyName, PostgresServer.ConnectionString);

    protected override IStudyStore OpenStore(TimeProvider clock) => new PostgresStudyStore(PostgresServer.ConnectionString, StudyName, clock);

    public override void Dispose()
    {
        using (var store = new PostgresStudyStore(PostgresServer.ConnectionString, StudyName)) store.DropSchema();
        using var c = new NpgsqlConnection(PostgresServer.ConnectionString);
        c.Open();
        using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{HangfireStorageFactory.SchemaName(StudyName)}\" CASCADE", c);
        drop.ExecuteNonQuery();
        base.Dispose();
    }
}
