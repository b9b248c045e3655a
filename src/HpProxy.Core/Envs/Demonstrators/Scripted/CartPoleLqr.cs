using HpProxy.Core.Envs.Classic;

namespace HpProxy.Core.Envs.Demonstrators.Scripted;

/// <summary>LQR gains (in action units, u = −K[x, ẋ, θ, θ̇]) for the upright cart-pole, from the task's own map.</summary>
internal static class CartPoleLqr
{
    private static readonly Lazy<double[]> Cached = new(Compute);

    public static double[] Gains() => Cached.Value;

    private static double[] Compute() => SingleInputLqr.Gains(
        (state, input, next) =>
        {
            double x = state[0], xDot = state[1], theta = state[2], thetaDot = state[3];
            CartPolePhysics.Step(ref x, ref xDot, ref theta, ref thetaDot, CartPolePhysics.MaxForce * input);
            next[0] = x;
            next[1] = xDot;
            next[2] = theta;
            next[3] = thetaDot;
        },
        equilibrium: [0, 0, 0, 0],
        stateCost: [1, 0.1, 10, 0.1],  // ours: the angle matters most, the cart may drift slowly
        inputCost: 0.1);
}
