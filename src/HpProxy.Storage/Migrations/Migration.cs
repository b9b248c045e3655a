using System.Reflection;

namespace HpProxy.Storage.Migrations;

/// <summary>One schema step: version <see cref="Version"/> is applied once, in order, inside the migration transaction.</summary>
public sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// The ordered migrations, embedded as <c>Migrations/NNNN_name.sql</c>. The SQL is shared by SQLite and
/// PostgreSQL (see 0001_initial.sql). Adding a step = adding the next numbered file; never edit an applied one.
/// </summary>
public static class MigrationScripts
{
    private static readonly Lazy<IReadOnlyList<Migration>> Loaded = new(Load);

    public static IReadOnlyList<Migration> All => Loaded.Value;

    /// <summary>The version a fully migrated database has.</summary>
    public static int LatestVersion => All[^1].Version;

    private static IReadOnlyList<Migration> Load()
    {
        var assembly = typeof(MigrationScripts).Assembly;
        const string prefix = "HpProxy.Storage.Migrations.";
        var list = new List<Migration>();
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
                continue;
            string file = resource[prefix.Length..^".sql".Length];
            int underscore = file.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(file.AsSpan(0, underscore), out int version))
                throw new InvalidOperationException($"migration resource '{resource}' is not named NNNN_name.sql");
            list.Add(new Migration(version, file[(underscore + 1)..], Read(assembly, resource)));
        }
        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i].Version != i + 1)
                throw new InvalidOperationException($"migrations must be numbered 1, 2, 3, ... without gaps; found {list[i].Version} at position {i + 1}");
        }
        return list;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"missing resource {resource}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
