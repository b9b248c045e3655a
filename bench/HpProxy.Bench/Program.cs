using HpProxy.Bench;

// Plain benchmark harness: `dotnet run -c Release --project bench/HpProxy.Bench -- <name> [args]`.
// Add a case per benchmark; each returns a process exit code.
return args.Length == 0 ? Usage() : args[0] switch
{
    "mlp" => MlpStepBenchmark.Run(args[1..]),
    "envs" => EnvsBench.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: HpProxy.Bench <benchmark> [args]");
    Console.Error.WriteLine("  mlp [repeats]   one Adam step (forward + backward + Adam) of the MLPs in docs/benchmarks.md");
    Console.Error.WriteLine("  envs [seconds]  environment steps/s per task, single thread (classic + MuJoCo vs raw mj_step)");
    return 2;
}
