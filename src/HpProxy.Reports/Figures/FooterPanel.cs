using ScottPlot;

namespace HpProxy.Reports.Figures;

/// <summary>A one-line text panel under the bottom axis (ScottPlot's title panel only docks at the top): the
/// provenance footer lives outside the data area so it never covers data.</summary>
internal sealed class FooterPanel : IPanel
{
    private const float Padding = 6;

    public FooterPanel(string text, float fontSize, string fontName, Color color)
    {
        Label.Text = text;
        Label.FontSize = fontSize;
        Label.FontName = fontName;
        Label.ForeColor = color;
        Label.Alignment = Alignment.LowerCenter;
        Label.Rotation = 0;
    }

    public LabelStyle Label { get; } = new();

    public bool IsVisible { get; set; } = true;
    public Edge Edge => Edge.Bottom;
    public bool ShowDebugInformation { get; set; }
    public float MinimumSize { get; set; }
    public float MaximumSize { get; set; } = float.MaxValue;

    public float Measure(Paint paint) =>
        IsVisible && !string.IsNullOrEmpty(Label.Text) ? Label.Measure(Label.Text, paint).Height + 2 * Padding : 0;

    public PixelRect GetPanelRect(PixelRect dataRect, float size, float offset, Paint paint) =>
        new(left: dataRect.Left, right: dataRect.Right, bottom: dataRect.Bottom + offset + size, top: dataRect.Bottom + offset);

    public void Render(RenderPack rp, float size, float offset)
    {
        if (!IsVisible) return;
        PixelRect rect = GetPanelRect(rp.DataRect, size, offset, rp.Paint);
        // Centred on the whole figure width: the data area is narrower than the footer on small figures.
        var point = new Pixel(rp.FigureRect.HorizontalCenter, rect.Bottom - Padding);
        Label.Render(rp.Canvas, point, rp.Paint, true);
    }
}
