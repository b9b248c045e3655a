using ScottPlot;

namespace HpProxy.Reports.Figures;

/// <summary>Category names as bottom tick labels at 0, 1, 2, …: horizontal when they fit their slot, otherwise
/// rotated by 30° with room reserved for them.</summary>
internal static class CategoryTicks
{
    /// <summary>Average advance of a DejaVu Sans glyph, as a fraction of the font size (measured: ≈ 0.6 for
    /// lower-case names with underscores).</summary>
    private const float GlyphWidth = 0.6f;

    /// <summary>Width of the data area of a <see cref="FigureStyle.Width"/> figure without a side legend (the left
    /// axis takes about 100 px).</summary>
    private const float DataWidth = FigureStyle.Width - 100;

    /// <summary>Whether a text of <paramref name="characters"/> tick-size glyphs fits the slot of one of
    /// <paramref name="categories"/> categories (with a tenth to spare).</summary>
    public static bool Fits(int characters, int categories) =>
        characters * GlyphWidth * FigureStyle.TickSize <= 0.9f * DataWidth / Math.Max(1, categories);

    public static void Set(Plot plt, IReadOnlyList<string> labels)
    {
        plt.Axes.Bottom.SetTicks(Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray(), labels.ToArray());
        plt.Axes.Bottom.MajorTickStyle.Length = 0; // a category is its label: a tick mark only crosses the text
        if (labels.Count == 0) return;
        int longestLabel = labels.Max(l => l.Length);
        if (Fits(longestLabel, labels.Count)) return;
        float longest = longestLabel * GlyphWidth * FigureStyle.TickSize;
        plt.Axes.Bottom.TickLabelStyle.Rotation = -30;
        // Anchored by the upper-right corner: anchored by the middle, the end of each label sits on the axis line.
        plt.Axes.Bottom.TickLabelStyle.Alignment = Alignment.UpperRight;
        // ScottPlot does not measure rotated tick labels; reserve room so they clear the axis label and footer
        // (sin 30° of the label's length, plus its height and a margin).
        plt.Axes.Bottom.MinimumSize = 30 + 0.5f * longest;
    }
}
