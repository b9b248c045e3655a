using ScottPlot;

namespace HpProxy.Reports.Figures;

/// <summary>
/// One look for every figure: DejaVu Sans (installed by scripts/setup.sh), font sizes readable when a figure is
/// printed at column width, a Category10 palette, and the provenance footer under the axes.
/// </summary>
internal static class FigureStyle
{
    public const string FontName = "DejaVu Sans";
    public const int Width = 800;
    public const int Height = 600;
    public const float TitleSize = 17;
    public const float LabelSize = 15;
    public const float TickSize = 13;
    public const float FooterSize = 10;

    public static readonly Color OracleColor = Color.FromHex("#2ca02c");
    public static readonly Color RandomColor = Color.FromHex("#7f7f7f");
    public static readonly Color LastColor = Color.FromHex("#8c564b");

    private static readonly Color[] Palette =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#ff7f0e"), Color.FromHex("#d62728"), Color.FromHex("#9467bd"),
        Color.FromHex("#17becf"), Color.FromHex("#e377c2"), Color.FromHex("#bcbd22"), Color.FromHex("#393b79"),
        Color.FromHex("#8c6d31"), Color.FromHex("#843c39"),
    ];

    public static Color Series(int i) => Palette[i % Palette.Length];

    public static Plot Create(string title, string xLabel, string yLabel, string footer)
    {
        var plt = new Plot();
        plt.Font.Set(FontName);
        plt.Title(title, TitleSize);
        plt.XLabel(xLabel, LabelSize);
        plt.YLabel(yLabel, LabelSize);
        plt.Axes.Bottom.TickLabelStyle.FontSize = TickSize;
        plt.Axes.Left.TickLabelStyle.FontSize = TickSize;
        // The footer is a title-like panel on the bottom edge: outside the data area, so it never hides a point.
        plt.Axes.AddPanel(new FooterPanel(footer, FooterSize, FontName, Color.FromHex("#555555")));
        return plt;
    }

    /// <summary>Writes PNG and SVG; returns both paths.</summary>
    public static IEnumerable<string> Save(Plot plt, string figuresDirectory, string name, int width = Width, int height = Height)
    {
        string png = Path.Combine(figuresDirectory, name + ".png");
        string svg = Path.Combine(figuresDirectory, name + ".svg");
        plt.SavePng(png, width, height);
        plt.SaveSvg(svg, width, height);
        return [png, svg];
    }
}
