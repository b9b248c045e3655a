using HpProxy.Core.Envs.Data;

namespace HpProxy.Core.Agents.Replay;

/// <summary>
/// Turns stored observation rows into network inputs: standardises the raw columns with the frozen
/// demonstration statistics (SPEC.md §3) when normalisation is on, and passes the absorbing indicator through.
/// The absorbing state's raw columns become exactly 0 (not −mean/std), so it sits at the centre of the data.
/// </summary>
public sealed class ObservationEncoder
{
    private readonly float[] _mean;
    private readonly float[] _invStd;
    private readonly int _raw;
    private readonly bool _absorbing;

    public ObservationEncoder(ObservationStats stats, bool normalize, bool absorbing)
    {
        _raw = stats.Size;
        _absorbing = absorbing;
        _mean = normalize ? (float[])stats.Mean.Clone() : new float[_raw];
        _invStd = normalize ? stats.Std.Select(s => 1f / s).ToArray() : Enumerable.Repeat(1f, _raw).ToArray();
        Size = _raw + (absorbing ? 1 : 0);
    }

    /// <summary>True when rows carry the absorbing indicator as their last column.</summary>
    public bool HasAbsorbingIndicator => _absorbing;

    /// <summary>Width of the encoded rows (and of the stored rows).</summary>
    public int Size { get; }

    /// <summary>Encodes <paramref name="rows"/> stored rows (width <see cref="Size"/>).</summary>
    public void Encode(ReadOnlySpan<float> stored, Span<float> destination, int rows)
    {
        for (int r = 0; r < rows; r++)
        {
            var src = stored.Slice(r * Size, Size);
            var dst = destination.Slice(r * Size, Size);
            bool isAbsorbing = _absorbing && src[_raw] > 0.5f;
            for (int j = 0; j < _raw; j++) dst[j] = isAbsorbing ? 0f : (src[j] - _mean[j]) * _invStd[j];
            if (_absorbing) dst[_raw] = src[_raw];
        }
    }

    /// <summary>Encodes one raw environment observation (indicator 0).</summary>
    public void EncodeRaw(ReadOnlySpan<float> raw, Span<float> destination)
    {
        for (int j = 0; j < _raw; j++) destination[j] = (raw[j] - _mean[j]) * _invStd[j];
        if (_absorbing) destination[_raw] = 0f;
    }
}
