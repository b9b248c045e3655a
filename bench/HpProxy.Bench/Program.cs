using HpProxy.Bench;

// Plain benchmark harness: `dotnet run -c Release --project bench/HpProxy.Bench -- <name> [args]`.
// Add a case per benchmark; each returns a process exit code.
return args.Length == 0 ? Usage() : args[0] switch
{
    "mlp" => MlpStepBenchmark.Run(args[1..]),
    "storage" => Run(() => StorageBench.Run(args[1..])),
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
    Console.Error.WriteLine("  storage         study-store claims/s and checkpoint reads for 10,000 runs");
    return 2;
}
