namespace HpProxy.Cli.Wiring;

/// <summary>What <c>hpproxy tasks | algorithms | proxies</c> list: the registries of the build.</summary>
public interface ICatalog
{
    IReadOnlyList<CatalogEntry> Tasks();

    IReadOnlyList<CatalogEntry> Algorithms();

    IReadOnlyList<CatalogEntry> Proxies();
}

/// <summary>One registry entry: the name a study file uses and one line about it.</summary>
public sealed record CatalogEntry(string Name, string Description);
