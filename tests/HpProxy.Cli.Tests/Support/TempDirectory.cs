namespace HpProxy.Cli.Tests.Support;

/// <summary>A scratch folder deleted after the test.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hpproxy-cli-" + Guid.NewGuid().ToString("N")[..10]);

    public TempDirectory() => Directory.CreateDirectory(Path);

    public string File(string name, string text)
    {
        string p = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(p, text);
        return p;
    }

    public void Dispose()
    {
        // HPPROXY_TEST_KEEP=1 keeps the folder (logs, databases) for a look after a failure.
        if (Environment.GetEnvironmentVariable("HPPROXY_TEST_KEEP") == "1") return;
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
