using HpProxy.Core.Common;
using HpProxy.Core.Studies;

namespace HpProxy.Core.Tests.Studies;

/// <summary>Whatever the text, loading reports problems and never throws (a bad file must not crash the CLI).</summary>
public class StudyLoaderRobustnessTests
{
    [Fact]
    public void Every_prefix_of_a_study_file_loads_without_throwing()
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.Studies, "quickstart.yaml"));
        var catalog = new FakeStudyCatalog();
        int invalid = 0;
        for (int length = 0; length < text.Length; length += 3)
        {
            var result = StudyLoader.Load("q.yaml", text[..length], catalog);
            if (!result.IsValid) invalid++;
            Assert.True(result.IsValid || result.Errors.Count > 0);
            Assert.All(result.Errors, e => Assert.True(e.Line >= 1 && e.Column >= 1, e.ToString()));
        }
        Assert.True(invalid > 0);
    }

    [Fact]
    public void Random_character_edits_load_without_throwing()
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.Studies, "quickstart.yaml"));
        var catalog = new FakeStudyCatalog();
        var rng = new Rng(2024);
        const string alphabet = " :-[]{},#&*!|>'\"\n\tx0.";
        for (int trial = 0; trial < 400; trial++)
        {
            var chars = text.ToCharArray();
            for (int edits = 0; edits < 3; edits++)
                chars[rng.NextInt(chars.Length)] = alphabet[rng.NextInt(alphabet.Length)];
            var result = StudyLoader.Load("q.yaml", new string(chars), catalog);
            Assert.True(result.IsValid || result.Errors.Count > 0);
        }
    }
}
