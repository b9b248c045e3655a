namespace HpProxy.Core.Proxies;

/// <summary>
/// "action_mse": mean over held-out validation pairs (s, a) of ‖π(s) − a‖² (squared norm summed over action
/// dimensions) with the deterministic policy (SPEC.md §5; Hussenot et al. 2021). Lower is better.
/// NaN when the validation set has no transitions.
/// </summary>
public sealed class ActionMseProxy : IProxy
{
    public const string ProxyName = "action_mse";

    public string Name => ProxyName;
    public ProxyDirection Direction => ProxyDirection.LowerIsBetter;
    public ProxyReads Reads => ProxyReads.ValidationDemonstrations | ProxyReads.Policy;
    public string Description => "mean ‖π(s) − a‖² of the deterministic policy over validation demonstration pairs";

    public double Compute(ProxyInputs inputs)
    {
        var demos = inputs.ValidationDemonstrations;
        if (demos.TransitionCount == 0) return double.NaN;
        var action = new float[demos.ActionSize];
        double total = 0;
        long count = 0;
        foreach (var e in demos.Episodes)
        {
            for (int t = 0; t < e.Length; t++)
            {
                inputs.Policy.Act(e.Observation(t), action);
                var expert = e.Action(t);
                double s = 0;
                for (int k = 0; k < action.Length; k++)
                {
                    double d = action[k] - expert[k];
                    s += d * d;
                }
                total += s;
                count++;
            }
        }
        return total / count;
    }
}
