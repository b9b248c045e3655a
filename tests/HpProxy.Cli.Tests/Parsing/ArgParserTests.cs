using HpProxy.Cli.Parsing;

namespace HpProxy.Cli.Tests.Parsing;

public sealed class ArgParserTests
{
    private static ParsedCommand Parse(params string[] args) => ArgParser.Parse(args, CommandTable.All);

    [Fact]
    public void Options_may_come_before_or_after_positionals_with_a_space_or_an_equals_sign()
    {
        var a = Parse("run", "--workers", "3", "studies/q.yaml", "--results=out", "--no-report");
        var b = Parse("run", "studies/q.yaml", "--no-report", "--workers=3", "--results", "out");

        foreach (var c in new[] { a, b })
        {
            Assert.Equal("run", c.Name);
            Assert.Equal(["studies/q.yaml"], c.Positionals);
            Assert.Equal(3, c.Int("workers", 99));
            Assert.Equal("out", c.Value("results"));
            Assert.True(c.Flag("no-report"));
        }
    }

    [Fact]
    public void Absent_options_take_their_defaults()
    {
        var c = Parse("status", "quick");

        Assert.Equal(7, c.Int("workers-not-given", 7));
        Assert.Equal("results", c.ValueOr("results", CommandTable.DefaultResults));
        Assert.False(c.Flag("json"));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("run", "q.yaml", "--wrokers", "2")]
    [InlineData("run", "q.yaml", "-w", "2")]
    [InlineData("run")]
    [InlineData("run", "a.yaml", "b.yaml")]
    [InlineData("run", "q.yaml", "--workers")]
    [InlineData("run", "q.yaml", "--workers=")]
    [InlineData("run", "q.yaml", "--no-report=yes")]
    [InlineData("run", "q.yaml", "--workers", "2", "--workers", "3")]
    [InlineData("status", "q", "--threads", "2")]
    [InlineData("version", "extra")]
    public void Bad_command_lines_are_usage_errors(params string[] args) =>
        Assert.Throws<UsageException>(() => Parse(args));

    [Fact]
    public void An_unknown_option_names_the_command_whose_usage_to_show()
    {
        var e = Assert.Throws<UsageException>(() => Parse("worker", "q", "--workers", "2"));

        Assert.Equal("worker", e.Command);
        Assert.Contains("--workers", e.Message);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public void Thread_counts_must_be_positive_integers(string value)
    {
        var c = Parse("worker", "q", "--threads", value);

        Assert.Throws<UsageException>(() => c.Int("threads", 1));
    }

    [Fact]
    public void Zero_workers_is_allowed_for_run_when_asked_with_min_zero()
    {
        Assert.Equal(0, Parse("run", "q.yaml", "--workers", "0").Int("workers", 4, min: 0));
    }

    [Fact]
    public void Help_flag_skips_the_positional_check()
    {
        var c = Parse("run", "--help");

        Assert.True(c.HelpRequested);
        Assert.Empty(c.Positionals);
    }

    [Fact]
    public void Help_takes_an_optional_command_name()
    {
        Assert.Empty(Parse("help").Positionals);
        Assert.Equal(["run"], Parse("help", "run").Positionals);
    }

    [Fact]
    public void A_double_dash_ends_options()
    {
        var c = Parse("status", "--", "--odd-name");

        Assert.Equal(["--odd-name"], c.Positionals);
    }

    [Fact]
    public void Usage_lines_list_positionals_and_visible_options_only()
    {
        var worker = CommandTable.Find("worker")!;

        Assert.StartsWith("hpproxy worker <study> [--threads N] [--results DIR]", worker.UsageLine);
        Assert.DoesNotContain("--log", worker.UsageLine);
        Assert.Equal("hpproxy help [command]", CommandTable.Find("help")!.UsageLine);
    }
}
