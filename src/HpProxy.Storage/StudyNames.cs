namespace HpProxy.Storage;

/// <summary>Study names become directory names and PostgreSQL schema names, so they are restricted.</summary>
public static class StudyNames
{
    /// <summary>Longest accepted name: "hpproxy_" + name must fit PostgreSQL's 63-byte identifier limit.</summary>
    public const int MaxLength = 55;

    /// <summary>Null when <paramref name="name"/> is valid, else why not.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "study name is empty";
        if (name.Length > MaxLength) return $"study name '{name}' is longer than {MaxLength} characters";
        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
                return $"study name '{name}' may contain only letters, digits, '-' and '_' (found '{c}')";
        }
        return null;
    }

    public static void Validate(string? name)
    {
        string? problem = Problem(name);
        if (problem is not null) throw new ArgumentException(problem, nameof(name));
    }
}
