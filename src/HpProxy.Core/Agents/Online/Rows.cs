namespace HpProxy.Core.Agents.Online;

/// <summary>Row-major helpers for building network inputs.</summary>
public static class Rows
{
    /// <summary>dst[r] = [left[r] | right[r]] for r in [0, rows).</summary>
    public static void Concat(ReadOnlySpan<float> left, int leftWidth, ReadOnlySpan<float> right, int rightWidth, Span<float> dst, int rows)
    {
        int w = leftWidth + rightWidth;
        for (int r = 0; r < rows; r++)
        {
            left.Slice(r * leftWidth, leftWidth).CopyTo(dst.Slice(r * w, leftWidth));
            right.Slice(r * rightWidth, rightWidth).CopyTo(dst.Slice(r * w + leftWidth, rightWidth));
        }
    }

    /// <summary>Copies the <paramref name="width"/> columns starting at <paramref name="offset"/> of each row of
    /// <paramref name="src"/> (row width <paramref name="srcWidth"/>) into <paramref name="dst"/>.</summary>
    public static void Columns(ReadOnlySpan<float> src, int srcWidth, int offset, int width, Span<float> dst, int rows)
    {
        for (int r = 0; r < rows; r++) src.Slice(r * srcWidth + offset, width).CopyTo(dst.Slice(r * width, width));
    }
}
