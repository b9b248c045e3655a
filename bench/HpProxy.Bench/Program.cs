using HpProxy.Bench;

// Plain benchmark harness: `dotnet run -c Release --project bench/HpProxy.Bench -- <name> [args]`.
// Add a case per benchmark; each returns a process exit code.
return args.Length == 0 ? Usage() : args[0] switch
{
    "mlp" => MlpStepBenchmark.Run(args[1..]),
    "agents" => AgentsBench.Run(args[1..]),
    "speed" => AlgorithmSpeedBench.Run(args[1..]),
    "storage" => Run(() => StorageBench.Run(args[1..])),
    "proxies" => Run(ProxiesBench.Run),
    "run" => RunBenchmark.Run(args[1..]),
    "envs" => EnvsBench.Run(args[1..]),
    "defaults" => DefaultsDriftBench.Run(args[1..]),
    _ => Usage(),
};

static int Run(Action benchmark)
{
    benchmark();
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: HpProxy.Bench <benchmark> [args]");
    Console.Error.WriteLine("  mlp [repeats]   one Adam step (forward + backward + Adam) of the MLPs in docs/benchmarks.md");
    Console.Error.WriteLine("  agents <algorithm> <task> <steps> [name=value ...]   train one agent, report steps/s and true return");
    Console.Error.WriteLine("  speed [--tasks T,..] [--algorithms A,..] [--window N] [--run-steps N]   steps/s and extrapolated run time of every algorithm (defaults)");
    Console.Error.WriteLine("  storage         study-store claims/s and checkpoint reads for 10,000 runs");
    Console.Error.WriteLine("  proxies         Sinkhorn and exact transport timings");
    Console.Error.WriteLine("  run STUDY.yaml  wall time and steps/s of real runs of a study, per (task, algorithm)");
    Console.Error.WriteLine("  defaults [N]    judging N finished runs' recorded configurations against this code's defaults");
    Console.Error.WriteLine("  envs [seconds]  environment steps/s per task, single thread (classic + MuJoCo vs raw mj_step)");
    return 2;
}
