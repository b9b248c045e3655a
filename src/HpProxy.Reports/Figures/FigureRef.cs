namespace HpProxy.Reports.Figures;

/// <summary>A figure written as <c>figures/&lt;Name&gt;.png</c> and <c>.svg</c>, with its caption.</summary>
/// <param name="Kind">Section it belongs to: scatter, heatmap, selection, budget, early-stopping, winners-curse, sensitivity.</param>
/// <param name="Name">File name without extension (safe characters only).</param>
public sealed record FigureRef(string Kind, string Name, string Caption)
{
    public string PngPath => $"figures/{Name}.png";
    public string SvgPath => $"figures/{Name}.svg";
}
