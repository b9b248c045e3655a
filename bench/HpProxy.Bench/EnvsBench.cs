using System.Diagnostics;
using HpProxy.Core.Common;
using HpProxy.Core.Envs;
using HpProxy.Core.Envs.Classic;
using HpProxy.MuJoCo;
using HpProxy.MuJoCo.Native;
using HpProxy.MuJoCo.Tasks;

using HpProxy.Scheduling.Jobs;

namespace HpProxy.Bench;

/// <summary>
/// Environment steps per second on one thread (plain harness, run by hand): every classic task and every MuJoCo
/// task with uniform random actions (episodes reset when over; resets included), and for MuJoCo the raw
/// <c>mj_step</c> rate of the same model divided by the task's frame skip, i.e. the best an env step could do.
/// Reports wall and thread-CPU rates; on a shared machine the CPU rate is the steadier figure.
/// Usage: <c>envs [seconds-per-task]</c> (default 2).
/// </summary>
public static class EnvsBench
{
    public static int Run(string[] args)
    {
        double seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2.0;
        Console.WriteLine($"{"task",-18} {"steps/s (wall)",16} {"steps/s (cpu)",16} {"raw mj_step/skip (cpu)",24} {"env/raw",8}");
        var classic = new ClassicControlTasks();
        foreach (var info in classic.Tasks)
        {
            var (wall, cpu) = StepRate(classic.Create(info.Name), seconds);
            Console.WriteLine($"{info.Name,-18} {wall,16:N0} {cpu,16:N0}");
        }
        if (!MuJoCoTasks.IsAvailable(out var reason))
        {
            Console.WriteLine("MuJoCo skipped: " + reason);
            return 0;
        }
        var mujoco = new MuJoCoTasks();
        foreach (var info in mujoco.Tasks)
        {
            using var env = (LocomotionTask)mujoco.Create(info.Name);
            var (wall, cpu) = StepRate(env, seconds);
            double raw = RawStepRate(env, seconds);
            Console.WriteLine($"{info.Name,-18} {wall,16:N0} {cpu,16:N0} {raw,24:N0} {cpu / raw,8:P0}");
        }
        return 0;
    }

    private static (double Wall, double Cpu) StepRate(IEnvironment env, double seconds)
    {
        var info = env.Info;
        var obs = new float[info.ObservationSize];
        var rng = new Rng(1);
        const int bank = 4096;
        var actions = new float[bank * info.ActionSize];
        for (int i = 0; i < actions.Length; i++) actions[i] = (float)rng.Uniform(-1, 1);
        ulong seed = 0;
        env.Reset(seed++, obs);
        long steps = 0;
        // Warm-up (JIT tiering), then measure in batches until the time is spent.
        for (int i = 0; i < 20_000 && steps < 200_000; i++) Once();
        steps = 0;
        var sw = Stopwatch.StartNew();
        double cpu0 = ThreadCpuClock.NowMs();
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            for (int i = 0; i < 1000; i++) Once();
        }
        double cpuMs = ThreadCpuClock.NowMs() - cpu0;
        double wallS = sw.Elapsed.TotalSeconds;
        return (steps / wallS, steps / (cpuMs / 1000));

        void Once()
        {
            var a = actions.AsSpan((int)(steps % bank) * info.ActionSize, info.ActionSize);
            if (env.Step(a, obs).Status.EpisodeOver) env.Reset(seed++, obs);
            steps++;
        }
    }

    /// <summary>Raw mj_step calls per CPU second on the task's own model, divided by its frame skip.</summary>
    private static double RawStepRate(LocomotionTask env, double seconds)
    {
        var obs = new float[env.Info.ObservationSize];
        env.Reset(0, obs);
        var sim = env.Simulation;
        int frameSkip = (int)Math.Round(env.Dt / sim.Timestep);
        var rng = new Rng(2);
        var ctrl = sim.Ctrl;
        for (int i = 0; i < ctrl.Length; i++) ctrl[i] = rng.Uniform(-1, 1);
        for (int i = 0; i < 2000; i++) sim.Step();
        long n = 0;
        var sw = Stopwatch.StartNew();
        double cpu0 = ThreadCpuClock.NowMs();
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            for (int i = 0; i < 1000; i++) sim.Step();
            n += 1000;
            // Keep the model in a comparable regime: reset when it has run for 1000 control steps.
            if (n % (1000L * frameSkip) < 1000) sim.ResetData();
        }
        double cpuMs = ThreadCpuClock.NowMs() - cpu0;
        return n / (cpuMs / 1000) / frameSkip;
    }
}
