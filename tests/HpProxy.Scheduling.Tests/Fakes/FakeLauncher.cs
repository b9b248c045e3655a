using HpProxy.Scheduling.Coordination;

namespace HpProxy.Scheduling.Tests.Fakes;

/// <summary>Worker "processes" that do nothing; the test decides when they exit.</summary>
public sealed class FakeLauncher(TimeProvider time) : IWorkerLauncher
{
    public List<FakeWorker> Started { get; } = [];

    public IWorkerProcess Start(int slot)
    {
        var w = new FakeWorker(1000 + Started.Count, slot, time.GetUtcNow());
        Started.Add(w);
        return w;
    }

    public IEnumerable<FakeWorker> Alive => Started.Where(w => !w.HasExited);

    public sealed class FakeWorker(int pid, int slot, DateTimeOffset startedAt) : IWorkerProcess
    {
        public int ProcessId { get; } = pid;
        public int Slot { get; } = slot;
        public bool HasExited => ExitCode.HasValue;
        public int? ExitCode { get; private set; }
        public DateTimeOffset StartedAt { get; } = startedAt;
        public bool StopRequested { get; private set; }

        public void Exit(int code) => ExitCode ??= code;

        public void RequestStop()
        {
            StopRequested = true;
            Exit(0);
        }

        public void Kill() => Exit(137);

        public bool WaitForExit(TimeSpan timeout)
        {
            // Fake workers leave as soon as the study is done (as real ones do after their idle delay).
            Exit(0);
            return true;
        }

        public void Dispose()
        {
        }
    }
}
