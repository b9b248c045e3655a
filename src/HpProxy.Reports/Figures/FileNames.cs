using System.Globalization;
using System.Text;
using HpProxy.Core.Common;

namespace HpProxy.Reports.Figures;

/// <summary>File names from study names: only [a-z0-9._-]; when anything had to be replaced, a short stable hash
/// of the original parts is appended so that two different names never share a file.</summary>
public static class FileNames
{
    public static string Slug(params string[] parts)
    {
        var sb = new StringBuilder();
        bool changed = false;
        for (int p = 0; p < parts.Length; p++)
        {
            if (p > 0) sb.Append("__");
            foreach (char ch in parts[p])
            {
                char c = char.ToLowerInvariant(ch);
                bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c is '-' or '_' or '.';
                if (c != ch || !ok) changed = true;
                sb.Append(ok ? c : '-');
            }
        }
        string slug = sb.ToString().Replace("..", "-", StringComparison.Ordinal);
        if (slug.Length > 120)
        {
            slug = slug[..120];
            changed = true;
        }
        if (!changed) return slug;
        ulong hash = StableHash.Fnv1a64(string.Join("\u001f", parts));
        return slug + "-" + (hash & 0xFFFFFFFF).ToString("x8", CultureInfo.InvariantCulture);
    }
}
