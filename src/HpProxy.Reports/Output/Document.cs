namespace HpProxy.Reports.Output;

/// <summary>
/// A report as format-neutral blocks, rendered to HTML and to Markdown by two small writers, so both files carry
/// exactly the same content. All text in blocks is plain (unescaped); each writer escapes for its format.
/// </summary>
internal abstract record Block;

internal sealed record Heading(int Level, string Text, string Id) : Block;

internal sealed record Paragraph(string Text) : Block;

internal sealed record BulletList(IReadOnlyList<string> Items) : Block;

/// <param name="Numeric">Per column: right-aligned numbers.</param>
internal sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<bool> Numeric) : Block;

/// <summary>A figure: the SVG shown inline, the PNG linked.</summary>
internal sealed record FigureBlock(string SvgPath, string PngPath, string Caption) : Block;

internal sealed record ReportDocument(string Title, IReadOnlyList<Block> Blocks);
