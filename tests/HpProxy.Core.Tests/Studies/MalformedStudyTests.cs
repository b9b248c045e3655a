using System.Text.RegularExpressions;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Tests.Studies;

/// <summary>
/// Every file in <c>Fixtures/studies/</c> is a malformed study whose header lists the errors it must produce,
/// one per line: <c># expect: LINE:COLUMN KEY ~ message fragment</c> (KEY is "-" for a whole-file error). The
/// loader must report exactly those errors (by line, column and key), each containing its fragment.
/// </summary>
public partial class MalformedStudyTests
{
    public static TheoryData<string> Fixtures() =>
        [.. Directory.GetFiles(RepoPaths.StudyFixtures, "*.yaml").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Reports_exactly_the_expected_errors(string fixture)
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.StudyFixtures, fixture));
        var expected = Expectations(text);
        Assert.NotEmpty(expected);

        var result = StudyLoader.Load("studies/" + fixture, text, new FakeStudyCatalog());

        Assert.False(result.IsValid);
        Assert.Null(result.Study);
        string actual = string.Join(Environment.NewLine, result.Errors);
        Assert.True(
            expected.Select(e => (e.Line, e.Column, e.Key)).SequenceEqual(result.Errors.Select(e => (e.Line, e.Column, e.Key))),
            $"expected:{Environment.NewLine}{string.Join(Environment.NewLine, expected)}{Environment.NewLine}actual:{Environment.NewLine}{actual}");
        foreach (var (e, error) in expected.Zip(result.Errors))
        {
            Assert.Contains(e.Fragment, error.Message, StringComparison.Ordinal);
            Assert.Equal("studies/" + fixture, error.File);
        }
    }

    [Fact]
    public void There_are_at_least_fifteen_fixtures()
    {
        Assert.True(Fixtures().Count >= 15);
    }

    private sealed record Expectation(int Line, int Column, string Key, string Fragment);

    private static List<Expectation> Expectations(string text) =>
        [.. ExpectLine().Matches(text).Select(m => new Expectation(
            int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
            m.Groups[3].Value == "-" ? "" : m.Groups[3].Value,
            m.Groups[4].Value.Trim()))];

    [GeneratedRegex(@"^# expect: (\d+):(\d+) (\S+) ~ (.+)$", RegexOptions.Multiline)]
    private static partial Regex ExpectLine();
}
