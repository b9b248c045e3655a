namespace HpProxy.Core.Studies;

/// <summary>"Did you mean" suggestions by edit distance, for unknown keys and names in study files.</summary>
public static class NameSuggestions
{
    /// <summary>The known name closest to <paramref name="name"/> when it is close enough to be a typo
    /// (Levenshtein distance ≤ max(2, length/3), or equal ignoring case/'-'/'_'); otherwise null.</summary>
    public static string? Closest(string name, IEnumerable<string> known)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            if (Normalize(candidate) == Normalize(name)) return candidate;
            int d = Levenshtein(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = candidate;
            }
        }
        return best is not null && bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    /// <summary>" (did you mean 'x'?)" or, when nothing is close, "; known: a, b, c" (or "" when none are known).</summary>
    public static string Hint(string name, IReadOnlyCollection<string> known, string knownLabel = "known")
    {
        if (Closest(name, known) is { } close) return $" (did you mean '{close}'?)";
        return known.Count == 0 ? "" : $"; {knownLabel}: {string.Join(", ", known)}";
    }

    public static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static string Normalize(string s) => s.ToLowerInvariant().Replace('-', '_');
}
