using System.Data.Common;
using Dapper;
using HpProxy.Core.Analysis;
using HpProxy.Core.Envs;
using HpProxy.Core.Runs;
using HpProxy.Core.Studies;
using HpProxy.Storage.Migrations;

namespace HpProxy.Storage;

/// <summary>
/// The store's semantics in SQL that SQLite and PostgreSQL both accept (UPSERT via ON CONFLICT, UPDATE ...
/// RETURNING). Subclasses supply connections, the write-transaction flavour and the migration lock.
/// <para>Exactly-once: a claim is (run id, owner, attempt). <see cref="TryClaim"/> is one conditional UPDATE
/// that increments <c>attempts</c>, so at most one claim of a run is current; renewing and completing are
/// conditional on that same (owner, attempt) and on state = running, so a claim that was taken over after its
/// lease expired can neither renew nor write results.</para>
/// </summary>
public abstract class StudyStoreBase : IStudyStore
{
    private const string RunningClaim = "run_id = @RunId AND owner = @Owner AND attempts = @Attempt AND state = 'running'";

    protected StudyStoreBase(TimeProvider? clock) => Clock = clock ?? TimeProvider.System;

    /// <summary>Wall clock for leases, heartbeats and timestamps (tests inject a manual one).</summary>
    protected TimeProvider Clock { get; }

    protected long NowMs => Clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>An open connection, configured (pragmas, search path) for this study.</summary>
    protected abstract DbConnection Open();

    /// <summary>A transaction that takes the write lock at once (SQLite: BEGIN IMMEDIATE), so two writers
    /// queue on the busy timeout instead of failing to upgrade a read lock.</summary>
    protected abstract DbTransaction BeginWrite(DbConnection connection);

    public abstract void Migrate();

    /// <summary>Applies missing migrations in order inside <paramref name="tx"/>; the caller holds the migration lock.</summary>
    protected static int ApplyMigrations(DbConnection connection, DbTransaction tx, long nowMs)
    {
        connection.Execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
            transaction: tx);
        long current = connection.ExecuteScalar<long?>("SELECT MAX(version) FROM schema_version", transaction: tx) ?? 0;
        int applied = 0;
        foreach (var m in MigrationScripts.All)
        {
            if (m.Version <= current) continue;
            connection.Execute(m.Sql, transaction: tx);
            connection.Execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @Now)",
                new { m.Version, m.Name, Now = nowMs }, tx);
            applied++;
        }
        if (current > MigrationScripts.LatestVersion)
            throw new InvalidOperationException($"the study database has schema version {current}, newer than this program's {MigrationScripts.LatestVersion}; update HpProxy");
        return applied;
    }

    /// <summary>The schema version recorded in the database (0 before the first migration).</summary>
    public int SchemaVersion()
    {
        using var c = Open();
        return ReadSchemaVersion(c);
    }

    /// <summary>Version without taking any lock; 0 when the version table does not exist yet. Migrate's fast
    /// path: every job opens the store, and an up-to-date database needs no write lock.</summary>
    protected static int ReadSchemaVersion(DbConnection c)
    {
        try
        {
            return (int)(c.ExecuteScalar<long?>("SELECT MAX(version) FROM schema_version") ?? 0);
        }
        catch (DbException)
        {
            return 0;
        }
    }

    public StudyInfo SaveStudy(string name, string fileHash, string fileText, string codeVersion)
    {
        using var c = Open();
        using var tx = BeginWrite(c);
        string? existing = c.ExecuteScalar<string?>("SELECT name FROM study WHERE id = 1", transaction: tx);
        if (existing is not null && existing != name)
            throw new InvalidOperationException($"this database belongs to study '{existing}', not '{name}'");
        c.Execute(
            """
            INSERT INTO study (id, name, file_hash, file_text, code_version, created_at, updated_at)
            VALUES (1, @name, @fileHash, @fileText, @codeVersion, @now, @now)
            ON CONFLICT (id) DO UPDATE SET file_hash = excluded.file_hash, file_text = excluded.file_text,
                code_version = excluded.code_version, updated_at = excluded.updated_at
            """,
            new { name, fileHash, fileText, codeVersion, now = NowMs }, tx);
        var info = ReadStudy(c, tx)!;
        tx.Commit();
        return info;
    }

    public StudyInfo? GetStudy()
    {
        using var c = Open();
        return ReadStudy(c, null);
    }

    private static StudyInfo? ReadStudy(DbConnection c, DbTransaction? tx)
    {
        var row = c.QuerySingleOrDefault<StudyRow>(
            "SELECT name AS Name, file_hash AS FileHash, file_text AS FileText, code_version AS CodeVersion, created_at AS CreatedAt FROM study WHERE id = 1",
            transaction: tx);
        return row is null ? null : new StudyInfo(row.Name, row.FileHash, row.FileText, row.CodeVersion, DbValues.FromMs(row.CreatedAt));
    }

    public int AddRuns(IEnumerable<PlannedRun> runs)
    {
        var list = runs.ToList();
        if (list.Count == 0) return 0;
        long now = NowMs;
        using var c = Open();
        using var tx = BeginWrite(c);
        // seq keeps the planning order (what the coordinator enqueues first); a concurrent planner may reuse
        // a value, which only affects ordering ties (broken by run id).
        long baseSeq = c.ExecuteScalar<long?>("SELECT MAX(seq) FROM runs", transaction: tx) ?? 0;
        int added = InsertRuns(c, tx, list, baseSeq, now);
        tx.Commit();
        return added;
    }

    /// <summary>Inserts the runs whose id is new (seq = baseSeq + 1, 2, ...); returns how many were inserted.</summary>
    protected virtual int InsertRuns(DbConnection c, DbTransaction tx, IReadOnlyList<PlannedRun> runs, long baseSeq, long nowMs) =>
        c.Execute(
            """
            INSERT INTO runs (run_id, seq, task, demonstrations, algorithm, config_id, seed, spec_json, state, attempts, created_at)
            VALUES (@RunId, @Seq, @Task, @Demonstrations, @Algorithm, @ConfigId, @Seed, @SpecJson, 'pending', 0, @Now)
            ON CONFLICT (run_id) DO NOTHING
            """,
            runs.Select((r, i) => new { r.RunId, Seq = baseSeq + i + 1, r.Task, r.Demonstrations, r.Algorithm, r.ConfigId, r.Seed, r.SpecJson, Now = nowMs }),
            tx);

    public void SaveReferences(string task, string demonstrations, ReferenceReturns references)
    {
        using var c = Open();
        c.Execute(
            """
            INSERT INTO reference_returns (task, demonstrations, random_return, expert_return, updated_at)
            VALUES (@task, @demonstrations, @random, @expert, @now)
            ON CONFLICT (task, demonstrations) DO UPDATE SET random_return = excluded.random_return,
                expert_return = excluded.expert_return, updated_at = excluded.updated_at
            """,
            new { task, demonstrations, random = DbValues.ToDb(references.Random), expert = DbValues.ToDb(references.Expert), now = NowMs });
    }

    public ReferenceReturns? GetReferences(string task, string demonstrations)
    {
        using var c = Open();
        var row = c.QuerySingleOrDefault<ReferenceRow>(
            "SELECT random_return AS RandomReturn, expert_return AS ExpertReturn FROM reference_returns WHERE task = @task AND demonstrations = @demonstrations",
            new { task, demonstrations });
        return row is null ? null : new ReferenceReturns(DbValues.FromDb(row.RandomReturn), DbValues.FromDb(row.ExpertReturn));
    }

    public RunClaim? TryClaim(string runId, string owner, TimeSpan lease)
    {
        if (lease <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(lease), "the lease must be positive");
        long now = NowMs;
        using var c = Open();
        // One statement: the database's row lock makes "check state and take it" atomic, across processes.
        long? attempt = c.ExecuteScalar<long?>(
            """
            UPDATE runs SET state = 'running', owner = @owner, lease_until = @until, attempts = attempts + 1, started_at = @now
            WHERE run_id = @runId AND (state = 'pending' OR (state = 'running' AND lease_until < @now))
            RETURNING attempts
            """,
            new { runId, owner, now, until = LeaseEnd(now, lease) });
        return attempt is long a ? new RunClaim(runId, owner, (int)a) : null;
    }

    /// <summary>Locking clause for the row the plan-order claim picks (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>, so two
    /// claimers never wait on, or both pick, the same row). Empty for SQLite, whose write statement holds the
    /// database's write lock from its start, so the pick and the update are already atomic.</summary>
    protected virtual string ClaimPickLock => "";

    public RunClaim? TryClaimInPlanOrder(string runId, string owner, TimeSpan lease)
    {
        if (lease <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(lease), "the lease must be positive");
        const string Claimable = "(state = 'pending' OR (state = 'running' AND lease_until < @now))";
        // A few tries: under PostgreSQL's READ COMMITTED the row picked can be taken by a concurrent claim between the
        // pick and the update (the claimable condition is checked again there); then we pick the next one.
        for (int attempt = 0; attempt < 3; attempt++)
        {
            long now = NowMs;
            using var c = Open();
            var row = c.QuerySingleOrDefault<ClaimedRow>(
                $"""
                UPDATE runs SET state = 'running', owner = @owner, lease_until = @until, attempts = attempts + 1, started_at = @now
                WHERE run_id = (SELECT run_id FROM runs WHERE {Claimable} ORDER BY seq, run_id LIMIT 1{ClaimPickLock})
                  AND {Claimable}
                RETURNING run_id AS RunId, attempts AS Attempts
                """,
                new { owner, now, until = LeaseEnd(now, lease) });
            if (row is not null) return new RunClaim(row.RunId, owner, (int)row.Attempts);
            // Nothing claimable at all (not a lost race): the study has no work for this delivery.
            bool any = c.ExecuteScalar<long>($"SELECT COUNT(*) FROM runs WHERE {Claimable}", new { now }) > 0;
            if (!any) return null;
        }
        // Lost the race three times in a row: fall back to the run this delivery was for.
        return TryClaim(runId, owner, lease);
    }

    public bool RenewLease(RunClaim claim, TimeSpan lease)
    {
        if (lease <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(lease), "the lease must be positive");
        using var c = Open();
        // Renewal after expiry still succeeds if nobody took the run over: the claim (owner, attempt) is intact.
        return c.Execute(
            $"UPDATE runs SET lease_until = @Until WHERE {RunningClaim}",
            new { claim.RunId, claim.Owner, claim.Attempt, Until = NowMs + (long)lease.TotalMilliseconds }) == 1;
    }

    public bool ReleaseClaim(RunClaim claim)
    {
        using var c = Open();
        // attempts - 1: the claim's own increment is undone, so a stop is not counted as an attempt. The next claim
        // reuses the attempt number, never the owner (every claim has its own nonce), so this claim stays dead.
        return c.Execute(
            $"UPDATE runs SET state = 'pending', owner = NULL, lease_until = NULL, started_at = NULL, attempts = attempts - 1 WHERE {RunningClaim}",
            new { claim.RunId, claim.Owner, claim.Attempt }) == 1;
    }

    /// <summary>now + lease in unix ms, saturating at the largest representable time for absurd leases.</summary>
    private static long LeaseEnd(long nowMs, TimeSpan lease)
    {
        long max = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();
        long ms = lease.Ticks / TimeSpan.TicksPerMillisecond;
        return ms > max - nowMs ? max : nowMs + ms;
    }

    public bool CompleteSucceeded(RunClaim claim, IReadOnlyList<CheckpointResult> checkpoints, double wallSeconds, RunProvenance? provenance = null) =>
        Complete(claim, RunState.Succeeded, null, checkpoints, wallSeconds, provenance);

    public bool CompleteFailed(RunClaim claim, string reason, IReadOnlyList<CheckpointResult> checkpoints, double wallSeconds, RunProvenance? provenance = null) =>
        Complete(claim, RunState.Failed, reason, checkpoints, wallSeconds, provenance);

    private bool Complete(RunClaim claim, RunState state, string? error, IReadOnlyList<CheckpointResult> checkpoints, double wallSeconds,
        RunProvenance? provenance)
    {
        var seen = new HashSet<int>();
        foreach (var cp in checkpoints)
        {
            if (!seen.Add(cp.Index)) throw new ArgumentException($"checkpoint index {cp.Index} appears twice", nameof(checkpoints));
        }
        using var c = Open();
        using var tx = BeginWrite(c);
        // The state change goes first: it re-checks the claim under the row lock, so a competing claim either
        // waits for this transaction (and then finds the run finished) or has already made this UPDATE a no-op.
        int changed = c.Execute(
            "UPDATE runs SET state = @State, error = @Error, wall_seconds = @Wall, finished_at = @Now, lease_until = NULL, " +
            $"code_version = @CodeVersion, cpu_seconds = @Cpu, resolved_hyperparameters = @Resolved WHERE {RunningClaim}",
            new
            {
                claim.RunId,
                claim.Owner,
                claim.Attempt,
                State = DbValues.StateName(state),
                Error = error,
                Wall = DbValues.ToDb(wallSeconds),
                Now = NowMs,
                provenance?.CodeVersion,
                Cpu = provenance is null ? null : DbValues.ToDb(provenance.CpuSeconds),
                Resolved = provenance?.ResolvedHyperparameters,
            },
            tx);
        if (changed != 1)
        {
            tx.Rollback();
            return false;
        }
        c.Execute("DELETE FROM proxy_values WHERE run_id = @RunId; DELETE FROM checkpoints WHERE run_id = @RunId", new { claim.RunId }, tx);
        InsertCheckpoints(c, tx, claim.RunId, checkpoints);
        tx.Commit();
        return true;
    }

    /// <summary>Inserts the checkpoints and their proxy values (rows of the run were deleted just before).</summary>
    protected virtual void InsertCheckpoints(DbConnection c, DbTransaction tx, string runId, IReadOnlyList<CheckpointResult> checkpoints)
    {
        if (checkpoints.Count == 0) return;
        c.Execute(
            """
            INSERT INTO checkpoints (run_id, idx, step, oracle_return, normalized_score, elapsed_seconds)
            VALUES (@RunId, @Idx, @Step, @Oracle, @Score, @Elapsed)
            """,
            checkpoints.Select(cp => new
            {
                RunId = runId,
                Idx = cp.Index,
                cp.Step,
                Oracle = DbValues.ToDb(cp.OracleReturn),
                Score = DbValues.ToDb(cp.NormalizedScore),
                Elapsed = DbValues.ToDb(cp.ElapsedSeconds),
            }),
            tx);
        var proxies = checkpoints.SelectMany(cp => cp.Proxies.Select(p => new { RunId = runId, Idx = cp.Index, Proxy = p.Key, Value = DbValues.ToDb(p.Value) })).ToList();
        if (proxies.Count > 0)
            c.Execute("INSERT INTO proxy_values (run_id, idx, proxy, value) VALUES (@RunId, @Idx, @Proxy, @Value)", proxies, tx);
    }

    public IReadOnlyList<string> RunsToEnqueue(DateTimeOffset now)
    {
        using var c = Open();
        return c.Query<string>(
            "SELECT run_id FROM runs WHERE state = 'pending' OR (state = 'running' AND lease_until < @now) ORDER BY seq, run_id",
            new { now = DbValues.ToMs(now) }).AsList();
    }

    public int CancelPending()
    {
        using var c = Open();
        return c.Execute("UPDATE runs SET state = 'cancelled' WHERE state = 'pending'");
    }

    public int Requeue(bool includeFailed)
    {
        using var c = Open();
        // Checkpoints of a failed attempt stay until the next attempt completes and replaces them;
        // GetCheckpoints shows only finished runs, so they are invisible meanwhile.
        string states = includeFailed ? "('cancelled', 'failed')" : "('cancelled')";
        return c.Execute($"UPDATE runs SET state = 'pending', owner = NULL, lease_until = NULL, error = NULL WHERE state IN {states}");
    }

    public RunSpec GetRunSpec(string runId)
    {
        using var c = Open();
        string json = c.ExecuteScalar<string?>("SELECT spec_json FROM runs WHERE run_id = @runId", new { runId })
            ?? throw new KeyNotFoundException($"run '{runId}' is not in the study database");
        return RunSpecJson.Deserialize(json);
    }

    public StudyProgress GetProgress()
    {
        using var c = Open();
        // Expired counts runs whose lease ran out: of the running ones, those nobody works on (the worker died).
        var rows = c.Query<StateCount>(
            "SELECT state AS State, COUNT(*) AS Count, SUM(CASE WHEN lease_until < @now THEN 1 ELSE 0 END) AS Expired FROM runs GROUP BY state",
            new { now = NowMs }).ToList();
        var counts = rows.ToDictionary(r => DbValues.ParseState(r.State), r => (int)r.Count);
        int Get(RunState s) => counts.GetValueOrDefault(s);
        int stalled = (int)(rows.FirstOrDefault(r => DbValues.ParseState(r.State) == RunState.Running)?.Expired ?? 0);
        return new StudyProgress(counts.Values.Sum(), Get(RunState.Pending), Get(RunState.Running), Get(RunState.Succeeded), Get(RunState.Failed), Get(RunState.Cancelled))
        {
            Stalled = stalled,
        };
    }

    public IReadOnlyList<RunRecord> GetRuns()
    {
        using var c = Open();
        return c.Query<RunRow>(
            """
            SELECT run_id AS RunId, task AS Task, demonstrations AS Demonstrations, algorithm AS Algorithm, config_id AS ConfigId,
                   seed AS Seed, state AS State, owner AS Owner, lease_until AS LeaseUntil, attempts AS Attempts, error AS Error,
                   wall_seconds AS WallSeconds, spec_json AS SpecJson, code_version AS CodeVersion, cpu_seconds AS CpuSeconds,
                   resolved_hyperparameters AS ResolvedHyperparameters
            FROM runs ORDER BY seq, run_id
            """)
            .Select(r => new RunRecord(r.RunId, r.Task, r.Demonstrations, r.Algorithm, r.ConfigId, (int)r.Seed, DbValues.ParseState(r.State),
                r.Owner, DbValues.FromMs(r.LeaseUntil), (int)r.Attempts, r.Error, r.WallSeconds, r.SpecJson, r.CodeVersion, r.CpuSeconds)
            {
                ResolvedHyperparameters = r.ResolvedHyperparameters,
            })
            .ToList();
    }

    /// <summary>Checkpoints of finished runs (succeeded, or failed with the checkpoints they reached), in
    /// planning order then checkpoint index. One query without ORDER BY (sorting 300k joined rows in the
    /// database cost 4-5x the query); rows are grouped by (run, checkpoint) and sorted in memory.</summary>
    public IReadOnlyList<CheckpointRow> GetCheckpoints()
    {
        using var c = Open();
        using var reader = c.ExecuteReader(
            """
            SELECT c.run_id, c.idx, c.step, c.oracle_return, c.normalized_score,
                   r.task, r.demonstrations, r.algorithm, r.config_id, r.seed, r.seq, p.proxy, p.value
            FROM runs r
            JOIN checkpoints c ON c.run_id = r.run_id
            LEFT JOIN proxy_values p ON p.run_id = c.run_id AND p.idx = c.idx
            WHERE r.state IN ('succeeded', 'failed')
            """);
        var groups = new Dictionary<(string RunId, int Index), (long Seq, CheckpointRow Row)>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal); // interning: few distinct strings, many rows
        string Intern(string s)
        {
            if (names.TryGetValue(s, out var v)) return v;
            names[s] = s;
            return s;
        }
        CheckpointRow? last = null;
        Dictionary<string, double>? proxies = null;
        while (reader.Read())
        {
            string runId = reader.GetString(0);
            int idx = reader.GetInt32(1);
            // Rows of one checkpoint usually arrive together; the dictionary covers plans that interleave them.
            if (last is null || last.CheckpointIndex != idx || last.RunId != runId)
            {
                if (groups.TryGetValue((runId, idx), out var found))
                {
                    last = found.Row;
                }
                else
                {
                    bool sameRun = last is not null && last.RunId == runId;
                    last = new CheckpointRow(
                        sameRun ? last!.RunId : runId,
                        sameRun ? last!.Task : Intern(reader.GetString(5)),
                        sameRun ? last!.Demonstrations : Intern(reader.GetString(6)),
                        sameRun ? last!.Algorithm : Intern(reader.GetString(7)),
                        sameRun ? last!.ConfigId : Intern(reader.GetString(8)),
                        reader.GetInt32(9),
                        idx,
                        reader.GetInt64(2),
                        reader.IsDBNull(3) ? double.NaN : reader.GetDouble(3),
                        reader.IsDBNull(4) ? double.NaN : reader.GetDouble(4),
                        new Dictionary<string, double>(StringComparer.Ordinal));
                    groups.Add((runId, idx), (reader.GetInt64(10), last));
                }
                proxies = (Dictionary<string, double>)last.Proxies;
            }
            if (!reader.IsDBNull(11))
                proxies![Intern(reader.GetString(11))] = reader.IsDBNull(12) ? double.NaN : reader.GetDouble(12);
        }
        var result = groups.Values.ToList();
        result.Sort((a, b) =>
        {
            int k = a.Seq.CompareTo(b.Seq);
            if (k == 0) k = string.CompareOrdinal(a.Row.RunId, b.Row.RunId);
            return k != 0 ? k : a.Row.CheckpointIndex.CompareTo(b.Row.CheckpointIndex);
        });
        return result.ConvertAll(x => x.Row);
    }

    public void Heartbeat(string workerId, int processId, string host, string? currentRunId)
    {
        using var c = Open();
        c.Execute(
            """
            INSERT INTO workers (worker_id, pid, host, current_run, last_seen) VALUES (@workerId, @processId, @host, @currentRunId, @now)
            ON CONFLICT (worker_id) DO UPDATE SET pid = excluded.pid, host = excluded.host, current_run = excluded.current_run, last_seen = excluded.last_seen
            """,
            new { workerId, processId, host, currentRunId, now = NowMs });
    }

    public IReadOnlyList<WorkerInfo> GetWorkers(TimeSpan aliveWithin)
    {
        using var c = Open();
        return c.Query<WorkerRow>(
            "SELECT worker_id AS WorkerId, pid AS Pid, host AS Host, current_run AS CurrentRun, last_seen AS LastSeen FROM workers WHERE last_seen >= @since ORDER BY worker_id",
            new { since = NowMs - (long)aliveWithin.TotalMilliseconds })
            .Select(w => new WorkerInfo(w.WorkerId, (int)w.Pid, w.Host, w.CurrentRun, DbValues.FromMs(w.LastSeen)))
            .ToList();
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    private sealed class StudyRow
    {
        public string Name { get; set; } = "";
        public string FileHash { get; set; } = "";
        public string FileText { get; set; } = "";
        public string CodeVersion { get; set; } = "";
        public long CreatedAt { get; set; }
    }

    private sealed class ReferenceRow
    {
        public double? RandomReturn { get; set; }
        public double? ExpertReturn { get; set; }
    }

    private sealed class StateCount
    {
        public string State { get; set; } = "";
        public long Count { get; set; }
        public long? Expired { get; set; }
    }

    private sealed class ClaimedRow
    {
        public string RunId { get; set; } = "";
        public long Attempts { get; set; }
    }

    private sealed class RunRow
    {
        public string RunId { get; set; } = "";
        public string Task { get; set; } = "";
        public string Demonstrations { get; set; } = "";
        public string Algorithm { get; set; } = "";
        public string ConfigId { get; set; } = "";
        public long Seed { get; set; }
        public string State { get; set; } = "";
        public string? Owner { get; set; }
        public long? LeaseUntil { get; set; }
        public long Attempts { get; set; }
        public string? Error { get; set; }
        public double? WallSeconds { get; set; }
        public string SpecJson { get; set; } = "";
        public string? CodeVersion { get; set; }
        public double? CpuSeconds { get; set; }
        public string? ResolvedHyperparameters { get; set; }
    }

    private sealed class WorkerRow
    {
        public string WorkerId { get; set; } = "";
        public long Pid { get; set; }
        public string Host { get; set; } = "";
        public string? CurrentRun { get; set; }
        public long LastSeen { get; set; }
    }
}
