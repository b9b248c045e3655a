using HpProxy.Cli.Wiring;
using HpProxy.Scheduling;

namespace HpProxy.Cli.Tests.Support;

/// <summary>Runs the CLI in-process and captures its output.</summary>
public sealed record CliResult(int ExitCode, string Out, string Err);

public static class CliRunner
{
    /// <summary>Short timings so in-process studies finish in seconds.</summary>
    public static readonly SchedulingOptions Fast = new()
    {
        Lease = TimeSpan.FromSeconds(10),
        QueuePollInterval = TimeSpan.FromMilliseconds(200),
        HeartbeatInterval = TimeSpan.FromMilliseconds(300),
        IdleExitAfter = TimeSpan.FromMilliseconds(600),
        CoordinatorTick = TimeSpan.FromMilliseconds(300),
        ShutdownTimeout = TimeSpan.FromSeconds(5),
    };

    public static CliServices Services(FakeFrontEnd? studies = null, FakeReports? reports = null, FakeWork? work = null)
    {
        var w = work ?? new FakeWork();
        return new CliServices(StudyStoreOpener.Instance, () => w, studies ?? new FakeFrontEnd(StudyLoad.Failed([])),
            reports ?? new FakeReports(), new FakeCatalog())
        {
            Scheduling = Fast,
            Launcher = (location, _) => new InProcessLauncher(StudyStoreOpener.Instance, w, Fast, location),
            CodeVersion = "test",
        };
    }

    public static CliResult Run(CliServices services, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, services, o, e);
        return new CliResult(code, o.ToString(), e.ToString());
    }
}
