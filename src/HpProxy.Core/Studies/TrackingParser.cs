using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HpProxy.Core.Studies;

/// <summary>
/// A YamlDotNet parser that remembers where the last event ended. Some malformed inputs (e.g. a flow sequence
/// left open at the end of the file) make YamlDotNet 18 throw a bare <see cref="InvalidOperationException"/>
/// without a position; the last good position still tells the user where to look.
/// </summary>
internal sealed class TrackingParser(string text) : IParser
{
    private readonly Parser _inner = new(new StringReader(text));

    public Mark LastGood { get; private set; } = Mark.Empty;

    public ParsingEvent? Current => _inner.Current;

    public bool MoveNext()
    {
        bool moved = _inner.MoveNext();
        if (moved && _inner.Current is { } e) LastGood = e.End;
        return moved;
    }
}
