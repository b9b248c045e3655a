using HpProxy.Cli.Output;
using HpProxy.Scheduling.Coordination;
using HpProxy.Storage;

namespace HpProxy.Cli.Tests.Output;

public sealed class OutputTests
{
    [Fact]
    public void The_progress_line_has_the_documented_shape()
    {
        var p = new CoordinatorProgress(new StudyProgress(128, 64, 2, 60, 2, 0), 2, 12.3, TimeSpan.FromSeconds(23 * 60 + 7));

        Assert.Equal("[####......] 62/128 done · 2 running · 2 failed · 64 pending | 12.3 runs/min | ETA 23m", ProgressLine.Format(p));
    }

    [Fact]
    public void The_progress_line_of_the_seen_example_puts_each_number_before_its_label()
    {
        var p = new CoordinatorProgress(new StudyProgress(72, 68, 1, 3, 0, 0), 2, 3.0, TimeSpan.FromSeconds(23 * 60 + 7));

        Assert.Equal("[..........] 3/72 done · 1 running · 0 failed · 68 pending | 3.0 runs/min | ETA 23m", ProgressLine.Format(p));
    }

    [Fact]
    public void The_progress_line_shows_unknowns_and_cancelled_runs()
    {
        var p = new CoordinatorProgress(new StudyProgress(10, 0, 0, 7, 0, 3), 0, null, null);

        Assert.Equal("[##########] 10/10 done · 0 running · 0 failed · 0 pending · 3 cancelled | -- runs/min | ETA --", ProgressLine.Format(p));
    }

    [Fact]
    public void Runs_whose_lease_expired_show_as_stalled_not_running()
    {
        // 6 runs in state running, 4 of them left by workers that were killed: 2 really run.
        var p = new CoordinatorProgress(new StudyProgress(2400, 1547, 6, 840, 7, 0) { Stalled = 4 }, 2, 3.0, null);

        Assert.Equal("[###.......] 847/2400 done · 2 running · 4 stalled (lease expired) · 7 failed · 1547 pending | 3.0 runs/min | ETA --",
            ProgressLine.Format(p));
    }

    [Fact]
    public void An_eta_that_leaves_out_untimed_kinds_of_runs_reads_as_a_lower_bound()
    {
        var p = new CoordinatorProgress(new StudyProgress(72, 60, 2, 10, 0, 0), 2, 20.0, TimeSpan.FromSeconds(95), EtaIsLowerBound: true);

        Assert.EndsWith("| 20.0 runs/min | ETA >2m", ProgressLine.Format(p));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(40.2, "40s")]
    [InlineData(89, "1m")]
    [InlineData(23 * 60 + 7, "23m")]
    [InlineData(23 * 60 + 31, "24m")]
    [InlineData(59 * 60 + 40, "1h00m")]
    [InlineData(3 * 3600 + 7 * 60 + 20, "3h07m")]
    [InlineData(2 * 86400 + 4 * 3600 + 60, "2d04h")]
    public void Estimates_are_rounded_to_the_minute(double seconds, string expected) =>
        Assert.Equal(expected, DurationText.Approximate(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59.4, "59s")]
    [InlineData(312, "5m12s")]
    [InlineData(3600 + 7 * 60 + 5, "1h07m")]
    [InlineData(2 * 86400 + 4 * 3600, "2d04h")]
    public void Durations_are_short(double seconds, string expected) =>
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void A_redirected_progress_prints_whole_lines_at_most_every_ten_seconds()
    {
        var time = new StepTime();
        var w = new StringWriter();
        var printer = new ProgressPrinter(w, interactive: false, time);
        CoordinatorProgress At(int done) => new(new StudyProgress(4, 4 - done, 0, done, 0, 0), 1, null, null);

        printer.Show(At(0));
        time.Now += TimeSpan.FromSeconds(5);
        printer.Show(At(1)); // too soon
        time.Now += TimeSpan.FromSeconds(6);
        printer.Show(At(2));
        printer.Finish(At(4));

        string[] lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("[..........] 0/4", lines[0]);
        Assert.StartsWith("[#####.....] 2/4", lines[1]);
        Assert.StartsWith("[##########] 4/4", lines[2]);
        Assert.DoesNotContain('\r', w.ToString());
    }

    [Fact]
    public void A_terminal_progress_redraws_one_line_in_place()
    {
        var w = new StringWriter();
        var printer = new ProgressPrinter(w, interactive: true);
        var p = new CoordinatorProgress(new StudyProgress(2, 1, 0, 1, 0, 0), 1, null, null);

        printer.Show(p);
        printer.Show(p);
        printer.Finish(p);

        Assert.Equal(3, w.ToString().Count(c => c == '\r'));
        Assert.Single(w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    public void Csv_fields_are_quoted_per_rfc_4180(string field, string expected) =>
        Assert.Equal(expected, CsvWriter.Escape(field));

    [Fact]
    public void Csv_numbers_are_invariant_and_round_trip()
    {
        Assert.Equal("0.1", CsvWriter.Number(0.1));
        Assert.Equal("-1234567.891", CsvWriter.Number(-1234567.891));
        Assert.Equal("NaN", CsvWriter.Number(double.NaN));
        Assert.Equal(1.0 / 3, double.Parse(CsvWriter.Number(1.0 / 3), System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed class StepTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
