using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HpProxy.Core.Proxies.Transport;

/// <summary>
/// Fused single-pass SIMD kernels of the Sinkhorn iteration, over one row c of a cost matrix and a potential
/// vector p (both length m, single precision): Σ_k exp((p_k − c_k + shift)·λ) and max_k (p_k − c_k).
/// Fusing add, scale, exp and sum into one pass reads each cost once per half-iteration, instead of the five
/// passes of separate TensorPrimitives calls. Exp is .NET's vectorised Vector512/256.Exp (≈1 ulp).
/// </summary>
internal static class LogSumExpKernels
{
    /// <summary>Σ_k exp((p_k − c_k + shift)·λ), accumulated per lane in single precision.</summary>
    public static float SumExp(ReadOnlySpan<float> c, ReadOnlySpan<float> p, float shift, float lambda)
    {
        int m = c.Length;
        if (p.Length != m) throw new ArgumentException("lengths differ");
        ref float cr = ref MemoryMarshal.GetReference(c);
        ref float pr = ref MemoryMarshal.GetReference(p);
        int k = 0;
        float sum = 0;
        if (Vector512.IsHardwareAccelerated && m >= Vector512<float>.Count)
        {
            var acc = Vector512<float>.Zero;
            var s = Vector512.Create(shift);
            var l = Vector512.Create(lambda);
            for (; k <= m - Vector512<float>.Count; k += Vector512<float>.Count)
                acc += Vector512.Exp((Vector512.LoadUnsafe(ref pr, (nuint)k) - Vector512.LoadUnsafe(ref cr, (nuint)k) + s) * l);
            sum = Vector512.Sum(acc);
        }
        else if (Vector256.IsHardwareAccelerated && m >= Vector256<float>.Count)
        {
            var acc = Vector256<float>.Zero;
            var s = Vector256.Create(shift);
            var l = Vector256.Create(lambda);
            for (; k <= m - Vector256<float>.Count; k += Vector256<float>.Count)
                acc += Vector256.Exp((Vector256.LoadUnsafe(ref pr, (nuint)k) - Vector256.LoadUnsafe(ref cr, (nuint)k) + s) * l);
            sum = Vector256.Sum(acc);
        }
        for (; k < m; k++) sum += MathF.Exp((Unsafe.Add(ref pr, k) - Unsafe.Add(ref cr, k) + shift) * lambda);
        return sum;
    }

    /// <summary>max_k (p_k − c_k).</summary>
    public static float MaxDifference(ReadOnlySpan<float> c, ReadOnlySpan<float> p)
    {
        int m = c.Length;
        if (p.Length != m) throw new ArgumentException("lengths differ");
        ref float cr = ref MemoryMarshal.GetReference(c);
        ref float pr = ref MemoryMarshal.GetReference(p);
        int k = 0;
        float max = float.NegativeInfinity;
        if (Vector256.IsHardwareAccelerated && m >= Vector256<float>.Count)
        {
            var acc = Vector256.Create(float.NegativeInfinity);
            for (; k <= m - Vector256<float>.Count; k += Vector256<float>.Count)
                acc = Vector256.Max(acc, Vector256.LoadUnsafe(ref pr, (nuint)k) - Vector256.LoadUnsafe(ref cr, (nuint)k));
            for (int lane = 0; lane < Vector256<float>.Count; lane++) max = MathF.Max(max, acc[lane]);
        }
        for (; k < m; k++) max = MathF.Max(max, Unsafe.Add(ref pr, k) - Unsafe.Add(ref cr, k));
        return max;
    }

    /// <summary>
    /// For q_k = exp((p_k − c_k + shift)·λ): returns (Σ q_k c_k, Σ q_k (p_k − c_k + shift)·λ, Σ q_k) in one pass.
    /// </summary>
    public static (double Cost, double LogTerm, double Mass) PlanMoments(ReadOnlySpan<float> c, ReadOnlySpan<float> p, float shift, float lambda)
    {
        int m = c.Length;
        ref float cr = ref MemoryMarshal.GetReference(c);
        ref float pr = ref MemoryMarshal.GetReference(p);
        int k = 0;
        double cost = 0, log = 0, mass = 0;
        if (Vector256.IsHardwareAccelerated && m >= Vector256<float>.Count)
        {
            var accC = Vector256<float>.Zero;
            var accL = Vector256<float>.Zero;
            var accM = Vector256<float>.Zero;
            var s = Vector256.Create(shift);
            var l = Vector256.Create(lambda);
            for (; k <= m - Vector256<float>.Count; k += Vector256<float>.Count)
            {
                var cv = Vector256.LoadUnsafe(ref cr, (nuint)k);
                var z = (Vector256.LoadUnsafe(ref pr, (nuint)k) - cv + s) * l;
                var q = Vector256.Exp(z);
                accC += q * cv;
                accL += q * z;
                accM += q;
            }
            cost = Vector256.Sum(accC);
            log = Vector256.Sum(accL);
            mass = Vector256.Sum(accM);
        }
        for (; k < m; k++)
        {
            float cv = Unsafe.Add(ref cr, k);
            float z = (Unsafe.Add(ref pr, k) - cv + shift) * lambda;
            float q = MathF.Exp(z);
            cost += q * cv;
            log += q * z;
            mass += q;
        }
        return (cost, log, mass);
    }
}
