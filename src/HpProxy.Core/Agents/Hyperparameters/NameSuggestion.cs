namespace HpProxy.Core.Agents.Hyperparameters;

/// <summary>"Did you mean" suggestions by Levenshtein edit distance.</summary>
public static class NameSuggestion
{
    /// <summary>The closest candidate within an edit distance of max(2, |name|/3), or null.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string c in candidates)
        {
            int d = Distance(name, c);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    /// <summary>Edit distance; one implementation for the whole product (<see cref="Studies.NameSuggestions"/>).</summary>
    public static int Distance(string a, string b) => Studies.NameSuggestions.Levenshtein(a, b);
}
