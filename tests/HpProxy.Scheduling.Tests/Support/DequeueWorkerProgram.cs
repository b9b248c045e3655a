using System.Globalization;
using HpProxy.Scheduling.Queueing;

namespace HpProxy.Scheduling.Tests.Support;

/// <summary>
/// Entry point of the test assembly (the generated one is disabled), used by the multi-process queue test:
/// <c>dotnet HpProxy.Scheduling.Tests.dll dequeue-worker &lt;results root&gt; &lt;study&gt;</c>. The worker opens the
/// study's Hangfire storage as a worker process does, prints "ready", waits for a line on stdin, then fetches jobs
/// as fast as it can, printing each job id and removing it from the queue, until the queue has stayed empty for a
/// second. The test runner (testhost) never calls this.
/// </summary>
public static class DequeueWorkerProgram
{
    private static readonly string[] Queues = ["default"];

    public static int Main(string[] args)
    {
        if (args.Length != 3 || args[0] != "dequeue-worker")
        {
            Console.Error.WriteLine("usage: dequeue-worker <results root> <study>");
            return 2;
        }
        var options = new SchedulingOptions { QueuePollInterval = TimeSpan.FromMilliseconds(50) };
        var storage = HangfireStorageFactory.Create(StudyLocation.Create(args[1], args[2]), options);
        Console.WriteLine("ready");
        Console.ReadLine();
        while (true)
        {
            using var idle = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            using var connection = storage.GetConnection();
            try
            {
                using var job = connection.FetchNextJob(Queues, idle.Token);
                Console.WriteLine(job.JobId.ToString(CultureInfo.InvariantCulture));
                job.RemoveFromQueue();
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        (storage as IDisposable)?.Dispose();
        return 0;
    }
}
