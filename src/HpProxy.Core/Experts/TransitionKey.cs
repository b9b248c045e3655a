namespace HpProxy.Core.Experts;

/// <summary>
/// A 64-bit fingerprint of a transition (s, a, s') from the exact bits of its floats. The replay stores the
/// floats the environment produced unchanged (absorbing states are off in the sanity mode), so the same
/// transition sampled later hashes to the same key. Collisions: with n stored transitions the chance of any
/// collision is about n²/2⁶⁵ (≈ 3·10⁻⁸ for 10⁶ steps), negligible for a diagnostic.
/// </summary>
public static class TransitionKey
{
    public static ulong Of(ReadOnlySpan<float> observation, ReadOnlySpan<float> action, ReadOnlySpan<float> nextObservation)
    {
        ulong h = 0x9E37_79B9_7F4A_7C15UL;
        h = Mix(h, observation);
        h = Mix(h ^ 0xA5A5_A5A5UL, action);
        h = Mix(h ^ 0x5A5A_5A5AUL, nextObservation);
        return Finalize(h);
    }

    private static ulong Mix(ulong h, ReadOnlySpan<float> values)
    {
        foreach (float v in values)
        {
            // +0 and −0 are different bits but the same number; the environment writes one consistently.
            h ^= BitConverter.SingleToUInt32Bits(v);
            h *= 0x1000_0000_01B3UL; // FNV-1a 64-bit prime
            h = (h << 29) | (h >> 35);
        }
        return h;
    }

    /// <summary>SplitMix64's finaliser (Steele et al. 2014): spreads the bits so nearby inputs get far keys.</summary>
    private static ulong Finalize(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }
}
