using HpProxy.Core.Common;
using HpProxy.Core.Nn;

namespace HpProxy.Core.Proxies.Rewards;

/// <summary>
/// Random network distillation (Burda et al. 2018) adapted as an imitation proxy: a fixed random network f and a
/// predictor g trained by MSE to match f on the expert's standardised states. g is accurate where the expert
/// went, so exp(−‖f(s) − g(s)‖²) is near 1 on expert-like states and falls off elsewhere.
/// Not thread-safe (the networks own their buffers): callers serialise <see cref="Score"/>.
/// </summary>
public sealed class RndModel
{
    private const int Chunk = 1024;
    private readonly Mlp _target;
    private readonly Mlp _predictor;

    /// <param name="expertStates">Standardised expert states [N × d].</param>
    public RndModel(float[] expertStates, int dimension, RndSettings settings, SeedStreams seeds)
    {
        _target = new Mlp(dimension, [settings.Units, settings.Units], settings.OutputSize, Activation.Relu, seeds.Create("target"));
        _predictor = new Mlp(dimension, [settings.Units, settings.Units], settings.OutputSize, Activation.Relu, seeds.Create("predictor"));
        Dimension = dimension;
        int count = expertStates.Length / dimension;
        if (count == 0 || settings.TrainingSteps == 0) return;

        var adam = new Adam(_predictor.Parameters, new AdamOptions { LearningRate = (float)settings.LearningRate });
        var rng = seeds.Create("minibatches");
        int batch = Math.Min(settings.BatchSize, count);
        var input = new float[batch * dimension];
        var targetOut = new float[batch * settings.OutputSize];
        var grad = new float[batch * settings.OutputSize];
        for (int step = 0; step < settings.TrainingSteps; step++)
        {
            for (int b = 0; b < batch; b++)
                expertStates.AsSpan(rng.NextInt(count) * dimension, dimension).CopyTo(input.AsSpan(b * dimension));
            _target.Forward(input, batch).CopyTo(targetOut);
            var prediction = _predictor.Forward(input, batch, training: true);
            FinalLoss = Losses.MeanSquaredError(prediction, targetOut, grad, batch);
            _predictor.ZeroGrad();
            _predictor.Backward(grad);
            adam.Step();
        }
    }

    public int Dimension { get; }

    /// <summary>Mean-over-elements MSE of the last training batch (diagnostic).</summary>
    public float FinalLoss { get; private set; }

    /// <summary>Mean over rows of exp(−‖f(s) − g(s)‖²) for standardised states [M × d]; NaN when empty.</summary>
    public double Score(float[] states)
    {
        int count = states.Length / Dimension;
        if (count == 0) return double.NaN;
        double total = 0;
        var targetOut = new float[Math.Min(Chunk, count) * _target.OutputSize];
        for (int start = 0; start < count; start += Chunk)
        {
            int rows = Math.Min(Chunk, count - start);
            var input = states.AsSpan(start * Dimension, rows * Dimension);
            _target.Forward(input, rows).CopyTo(targetOut);
            var prediction = _predictor.Forward(input, rows);
            int k = _target.OutputSize;
            for (int r = 0; r < rows; r++)
            {
                double squared = 0;
                for (int j = 0; j < k; j++)
                {
                    double d = prediction[r * k + j] - targetOut[r * k + j];
                    squared += d * d;
                }
                total += Math.Exp(-squared);
            }
        }
        return total / count;
    }
}
