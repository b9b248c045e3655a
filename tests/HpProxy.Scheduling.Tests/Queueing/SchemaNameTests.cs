using System.Text;
using HpProxy.Scheduling.Queueing;
using HpProxy.Storage;

namespace HpProxy.Scheduling.Tests.Queueing;

public sealed class SchemaNameTests
{
    [Theory]
    [InlineData("quickstart", "hf_quickstart")] // kept as it is: existing studies keep their schema
    [InlineData("classic_control_v2", "hf_classic_control_v2")]
    // Rewritten names: readable part + the first 12 hex digits of FNV-1a 64 of the exact UTF-8 name (computed in Python).
    [InlineData("Classic-Control_v2", "hfx_classic_control_v2_309dc5877389")]
    [InlineData("a-b", "hfx_a_b_e61ab3190464")]
    [InlineData("A_b", "hfx_a_b_fa40c319a082")]
    public void Each_study_gets_its_own_safe_postgres_schema(string study, string expected) =>
        Assert.Equal(expected, HangfireStorageFactory.SchemaName(study));

    [Fact]
    public void Names_that_the_old_mapping_merged_get_distinct_schemas()
    {
        // The old mapping (lower-case, '-' → '_') sent all of these to hf_a_b.
        string[] studies = ["a-b", "a_b", "A-b", "A_b", "a-B", "a_B", "A-B", "A_B"];
        var schemas = studies.Select(HangfireStorageFactory.SchemaName).ToList();
        Assert.Equal(studies.Length, schemas.Distinct().Count());
    }

    [Fact]
    public void Every_schema_fits_postgres_identifiers_and_long_names_stay_distinct()
    {
        string longest = new('a', StudyNames.MaxLength);
        var studies = new List<string> { longest, longest[..^1] + "b", longest[..^1] + "-", longest[..^1] + "A", "A" + longest[1..], "-" + longest[1..] };
        // Names that differ only past the readable part that fits (the hash tells them apart).
        string prefix = new string('x', StudyNames.MaxLength - 2) + "-";
        studies.AddRange(new[] { "0", "1", "2", "3" }.Select(c => prefix + c));

        var schemas = studies.Select(HangfireStorageFactory.SchemaName).ToList();

        Assert.Equal(studies.Count, schemas.Distinct().Count());
        Assert.All(schemas, s => Assert.InRange(Encoding.UTF8.GetByteCount(s), 1, HangfireStorageFactory.MaxIdentifierBytes));
        Assert.All(schemas, s => Assert.Matches("^hfx?_[a-z0-9_]+$", s));
    }

    [Fact]
    public void A_kept_name_and_a_rewritten_name_can_never_meet()
    {
        // A valid name that looks like a rewritten one still gets the kept prefix.
        string lookalike = HangfireStorageFactory.SchemaName("a-b")[HangfireStorageFactory.HashedPrefix.Length..];
        Assert.Equal("hf_" + lookalike, HangfireStorageFactory.SchemaName(lookalike));
        Assert.NotEqual(HangfireStorageFactory.SchemaName("a-b"), HangfireStorageFactory.SchemaName(lookalike));
    }
}
