namespace HpProxy.Core.Envs;

/// <summary>
/// Reference returns of a (task, demonstration set) for the normalised score (SPEC.md §3):
/// score = (R − Random) / (Expert − Random), 0 = random, 1 = demonstrator.
/// </summary>
public sealed record ReferenceReturns(double Random, double Expert)
{
    public double Normalize(double ret)
    {
        double span = Expert - Random;
        return Math.Abs(span) < 1e-12 ? 0.0 : (ret - Random) / span;
    }
}
