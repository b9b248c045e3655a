using HpProxy.Core.Agents.Online;
using HpProxy.Core.Agents.Replay;

namespace HpProxy.Core.Agents.Adversarial;

/// <summary>Builds discriminator input rows from batch rows: encoded s, then a, then encoded s', as configured.</summary>
public sealed class DiscriminatorInputs
{
    private readonly ObservationEncoder _encoder;
    private readonly string _kind;
    private readonly int _d, _a;
    private readonly float[] _obs, _next;

    public DiscriminatorInputs(ObservationEncoder encoder, int actionSize, string kind, int maxRows)
    {
        (_encoder, _kind, _d, _a) = (encoder, kind, encoder.Size, actionSize);
        Width = kind switch { "s" => _d, "sa" => _d + _a, _ => 2 * _d + _a };
        (_obs, _next) = (new float[maxRows * _d], new float[maxRows * _d]);
    }

    public int Width { get; }

    /// <summary>Writes rows [start, start+count) of <paramref name="batch"/> as input rows [0, count) of <paramref name="dst"/>.</summary>
    public void Build(TransitionBatch batch, int start, int count, Span<float> dst)
    {
        _encoder.Encode(batch.Observations.AsSpan(start * _d, count * _d), _obs, count);
        if (_kind == "s")
        {
            _obs.AsSpan(0, count * _d).CopyTo(dst);
            return;
        }
        var actions = batch.Actions.AsSpan(start * _a, count * _a);
        if (_kind == "sa")
        {
            Rows.Concat(_obs, _d, actions, _a, dst, count);
            return;
        }
        _encoder.Encode(batch.NextObservations.AsSpan(start * _d, count * _d), _next, count);
        for (int r = 0; r < count; r++)
        {
            var row = dst.Slice(r * Width, Width);
            _obs.AsSpan(r * _d, _d).CopyTo(row);
            actions.Slice(r * _a, _a).CopyTo(row[_d..]);
            _next.AsSpan(r * _d, _d).CopyTo(row[(_d + _a)..]);
        }
    }
}
