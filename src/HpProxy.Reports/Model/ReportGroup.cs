namespace HpProxy.Reports.Model;

/// <summary>A (task, demonstration set, algorithm) group: the unit inside which proxies are judged (SPEC.md §6).</summary>
public sealed record ReportGroup(string Task, string Demonstrations, string Algorithm) : IComparable<ReportGroup>
{
    /// <summary>Ordinal order, so every table and figure list comes out the same on every machine.</summary>
    public int CompareTo(ReportGroup? other)
    {
        if (other is null) return 1;
        int c = string.CompareOrdinal(Task, other.Task);
        if (c != 0) return c;
        c = string.CompareOrdinal(Demonstrations, other.Demonstrations);
        return c != 0 ? c : string.CompareOrdinal(Algorithm, other.Algorithm);
    }

    public override string ToString() => $"{Task} · {Demonstrations} · {Algorithm}";
}
