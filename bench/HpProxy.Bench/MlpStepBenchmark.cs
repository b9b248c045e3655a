using System.Diagnostics;
using HpProxy.Core.Common;
using HpProxy.Core.Nn;

using HpProxy.Scheduling.Jobs;

namespace HpProxy.Bench;

/// <summary>
/// Time of one training step (zero grad, forward, MSE, backward, Adam) of an MLP with relu, batch 256, one thread:
/// median over repeats of the mean ms/step of a block of steps, plus bytes allocated per step in steady state.
/// Also times forward, backward and Adam alone to show where the time goes.
/// </summary>
internal static class MlpStepBenchmark
{
    private const int Batch = 256;

    public static int Run(string[] args)
    {
        int repeats = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 15;
        Console.WriteLine($"MLP step, batch {Batch}, relu, one thread; median of {repeats} repeats");
        Measure("17-256-256-6", [256, 256], repeats, stepsPerRepeat: 20);
        Measure("17-64-64-6", [64, 64], repeats, stepsPerRepeat: 400);
        MeasurePenalty("23-256-256-1", [256, 256], repeats, stepsPerRepeat: 10);
        MeasurePenalty("23-64-64-1", [64, 64], repeats, stepsPerRepeat: 200);
        return 0;
    }

    private static void Measure(string name, int[] hidden, int repeats, int stepsPerRepeat)
    {
        var rng = new Rng(1);
        var mlp = new Mlp(17, hidden, 6, Activation.Relu, rng);
        var adam = new Adam(mlp.Parameters, new AdamOptions());
        var x = new float[Batch * 17];
        var t = new float[Batch * 6];
        var g = new float[Batch * 6];
        for (int i = 0; i < x.Length; i++)
            x[i] = (float)rng.NextGaussian();
        for (int i = 0; i < t.Length; i++)
            t[i] = (float)rng.NextGaussian();

        void Forward() => mlp.Forward(x, Batch, training: true);
        void Backward()
        {
            mlp.ZeroGrad();
            mlp.Backward(g);
        }
        void Step()
        {
            mlp.ZeroGrad();
            var y = mlp.Forward(x, Batch, training: true);
            Losses.MeanSquaredError(y, t, g, Batch);
            mlp.Backward(g);
            adam.Step();
        }

        // Warm-up: tiered JIT reaches optimised code after a few hundred calls.
        for (int i = 0; i < Math.Max(200, stepsPerRepeat * 3); i++)
            Step();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < stepsPerRepeat; i++)
            Step();
        double bytesPerStep = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)stepsPerRepeat;

        var (stepWall, stepCpu) = MedianMs(Step, repeats, stepsPerRepeat);
        var (_, forward) = MedianMs(Forward, repeats, stepsPerRepeat);
        Forward();
        var (_, backward) = MedianMs(Backward, repeats, stepsPerRepeat);
        var (_, adamMs) = MedianMs(adam.Step, repeats, stepsPerRepeat);
        var single = x.AsSpan(0, 17).ToArray();
        void Act() => mlp.Forward(single, 1);
        for (int i = 0; i < 2000; i++)
            Act();
        var (_, act) = MedianMs(Act, repeats, stepsPerRepeat * 10);
        Console.WriteLine($"{name,-14} act (batch-1 forward): thread CPU {act * 1000,7:F2} µs");
        Console.WriteLine($"{name,-14} step: wall {stepWall,8:F4} ms, thread CPU {stepCpu,8:F4} ms   (CPU: forward {forward:F4}, backward {backward:F4}, adam {adamMs:F4})   allocated {bytesPerStep:F0} B/step");
    }

    /// <summary>Gradient penalty (double backprop) of a discriminator on (s, a) inputs, batch 256.</summary>
    private static void MeasurePenalty(string name, int[] hidden, int repeats, int stepsPerRepeat)
    {
        var rng = new Rng(2);
        var d = new Mlp(23, hidden, 1, Activation.Relu, rng);
        var x = new float[Batch * 23];
        for (int i = 0; i < x.Length; i++)
            x[i] = (float)rng.NextGaussian();
        void Penalty() => d.GradientPenalty(x, Batch, 10f);
        for (int i = 0; i < Math.Max(100, stepsPerRepeat * 3); i++)
            Penalty();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Penalty();
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        var (_, cpu) = MedianMs(Penalty, repeats, stepsPerRepeat);
        Console.WriteLine($"{name,-14} gradient penalty: thread CPU {cpu,8:F4} ms   allocated {bytes} B");
    }

    /// <summary>Median over repeats of (wall ms, thread-CPU ms) per call.</summary>
    private static (double Wall, double Cpu) MedianMs(Action action, int repeats, int steps)
    {
        var wall = new double[repeats];
        var cpu = new double[repeats];
        for (int r = 0; r < repeats; r++)
        {
            double cpuStart = ThreadCpuClock.NowMs();
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < steps; i++)
                action();
            wall[r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds / steps;
            cpu[r] = (ThreadCpuClock.NowMs() - cpuStart) / steps;
        }
        Array.Sort(wall);
        Array.Sort(cpu);
        return (wall[repeats / 2], cpu[repeats / 2]);
    }
}
