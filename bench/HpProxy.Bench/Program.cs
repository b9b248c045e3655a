if (args is ["storage", ..])
{
    HpProxy.Bench.StorageBench.Run(args[1..]);
    return;
}
Console.WriteLine("benchmarks: see bench/README.md");
