namespace HpProxy.Cli.Parsing;

/// <summary>The command line is wrong (unknown command or option, missing or extra argument, bad number):
/// usage goes to stderr and the exit code is 2. <see cref="Command"/> names the command whose usage to show.</summary>
public sealed class UsageException(string message, string? command = null) : Exception(message)
{
    public string? Command { get; } = command;
}
