namespace HpProxy.Cli;

/// <summary>Entry point of the <c>hpproxy</c> command line.</summary>
public static class CliApp
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("hpproxy: not implemented yet");
        return 1;
    }
}
