namespace HpProxy.Core.Nn;

public sealed partial class Mlp
{
    /// <summary>
    /// Per-forward buffers, sized for <see cref="Capacity"/> rows and grown on demand (then reused, so the
    /// steady state allocates nothing). One instance serves Forward/Backward; a second one, with tangent buffers,
    /// serves the gradient penalty so that it does not clobber the cache of the last training Forward.
    /// Layer l (0-based) maps width sizes[l] → sizes[l+1]; hidden layers are l &lt; L−1.
    /// </summary>
    private sealed class ForwardCache(int[] sizes, bool layerNorm, bool inputDropout, bool hiddenDropout, bool tangents)
    {
        private readonly int _layers = sizes.Length - 1;

        public int Capacity { get; private set; }

        /// <summary>Rows of the last forward through this cache; −1 before the first.</summary>
        public int Batch { get; set; } = -1;

        public bool InputDropoutActive { get; set; }

        public bool HiddenDropoutActive { get; set; }

        /// <summary>Network input after input dropout [B × sizes[0]].</summary>
        public float[] Input { get; private set; } = [];

        public float[] InputMask { get; private set; } = [];

        /// <summary>dLoss/dInput scratch (gradient penalty's first pass).</summary>
        public float[] InputGrad { get; private set; } = [];

        /// <summary>Linear outputs z per layer; Z[L−1] is the network output.</summary>
        public float[][] Z { get; } = new float[sizes.Length - 1][];

        /// <summary>Activation inputs per hidden layer: LayerNorm(z), or Z[l] itself without layer norm.</summary>
        public float[][] N { get; } = new float[sizes.Length - 1][];

        public float[][] Xhat { get; } = new float[sizes.Length - 1][];

        public float[][] InvStd { get; } = new float[sizes.Length - 1][];

        /// <summary>Activation outputs per hidden layer.</summary>
        public float[][] A { get; } = new float[sizes.Length - 1][];

        /// <summary>Activation outputs after dropout per hidden layer (used only while dropout is active).</summary>
        public float[][] H { get; } = new float[sizes.Length - 1][];

        public float[][] Mask { get; } = new float[sizes.Length - 1][];

        /// <summary>Adjoint scratch per layer [B × sizes[l+1]]: holds ∂/∂a then, in place, ∂/∂z.</summary>
        public float[][] Grad { get; } = new float[sizes.Length - 1][];

        // Forward-mode tangents and their adjoints (gradient penalty only).
        public float[] InputDot { get; private set; } = [];

        public float[][] ZDot { get; } = new float[sizes.Length - 1][];

        public float[][] NDot { get; } = new float[sizes.Length - 1][];

        public float[][] XhatDot { get; } = new float[sizes.Length - 1][];

        public float[][] ADot { get; } = new float[sizes.Length - 1][];

        public float[][] GradDot { get; } = new float[sizes.Length - 1][];

        public void Ensure(int batch)
        {
            if (batch <= Capacity)
                return;
            // Grow geometrically so a slowly increasing batch does not reallocate every call.
            int cap = Math.Max(batch, Capacity * 2);
            Input = new float[cap * sizes[0]];
            if (inputDropout)
                InputMask = new float[cap * sizes[0]];
            if (tangents)
            {
                InputGrad = new float[cap * sizes[0]];
                InputDot = new float[cap * sizes[0]];
            }
            for (int l = 0; l < _layers; l++)
            {
                int width = sizes[l + 1];
                Z[l] = new float[cap * width];
                Grad[l] = new float[cap * width];
                if (tangents)
                {
                    ZDot[l] = new float[cap * width];
                    GradDot[l] = new float[cap * width];
                }
                if (l == _layers - 1)
                    continue;
                if (layerNorm)
                {
                    N[l] = new float[cap * width];
                    Xhat[l] = new float[cap * width];
                    InvStd[l] = new float[cap];
                    if (tangents)
                    {
                        NDot[l] = new float[cap * width];
                        XhatDot[l] = new float[cap * width];
                    }
                }
                else
                {
                    N[l] = Z[l];
                    if (tangents)
                        NDot[l] = ZDot[l];
                }
                A[l] = new float[cap * width];
                if (tangents)
                    ADot[l] = new float[cap * width];
                if (hiddenDropout)
                {
                    H[l] = new float[cap * width];
                    Mask[l] = new float[cap * width];
                }
            }
            Capacity = cap;
        }

        /// <summary>The input of layer l as seen by its Linear (after dropout when active).</summary>
        public float[] LayerInput(int l) => l == 0 ? Input : HiddenDropoutActive ? H[l - 1] : A[l - 1];

        /// <summary>Tangent of the input of layer l (gradient penalty; dropout is never active there).</summary>
        public float[] LayerInputDot(int l) => l == 0 ? InputDot : ADot[l - 1];
    }
}
