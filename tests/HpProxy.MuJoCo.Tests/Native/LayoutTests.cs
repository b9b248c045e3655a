using System.Diagnostics;
using System.Reflection;
using HpProxy.MuJoCo.Native;

namespace HpProxy.MuJoCo.Tests.Native;

public class LayoutTests
{
    /// <summary>
    /// Recompiles layout.c against the installed headers and compares every offset with Layout222. Skipped
    /// (passes vacuously, with a note in the output) when no C compiler or no MuJoCo headers are installed.
    /// </summary>
    [MuJoCoFact]
    public void Hard_coded_offsets_match_the_installed_headers()
    {
        const string header = "/usr/include/mujoco/mujoco.h";
        string? cc = new[] { "/usr/bin/cc", "/usr/bin/gcc" }.FirstOrDefault(File.Exists);
        if (cc is null || !File.Exists(header)) return;
        string source = Path.Combine(AppContext.BaseDirectory, "Native", "layout.c");
        string dir = Directory.CreateTempSubdirectory("hpproxy-layout").FullName;
        try
        {
            string exe = Path.Combine(dir, "layout");
            Run(cc, $"\"{source}\" -o \"{exe}\"");
            var lines = Run(exe, "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var fields = typeof(Layout222).GetFields(BindingFlags.Public | BindingFlags.Static)
                .ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);
            Assert.Equal(fields.Count, lines.Length);
            foreach (var line in lines)
            {
                var parts = line.Split(' ');
                Assert.True(fields.ContainsKey(parts[0]), parts[0]);
                Assert.Equal(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), fields[parts[0]]);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Run(string file, string arguments)
    {
        var psi = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{file} failed: {error}");
        return output;
    }

    [Fact]
    public void Missing_library_message_names_the_Debian_package()
    {
        Assert.Contains("libmujoco", MuJoCoNotFoundException.InstallHint);
        Assert.Contains("apt-get install", MuJoCoNotFoundException.InstallHint);
    }
}
