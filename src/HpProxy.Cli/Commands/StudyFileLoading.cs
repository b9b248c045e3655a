using HpProxy.Cli.Wiring;

namespace HpProxy.Cli.Commands;

/// <summary>Loading a study file the way every command does: warnings and every error on stderr, in the
/// <c>file:line:col: key: message</c> form; null when the file is missing or invalid (exit code 2).</summary>
internal static class StudyFileLoading
{
    public static PlannedStudy? LoadValid(CliContext ctx, string path, string consequence)
    {
        if (!File.Exists(path))
        {
            ctx.Err.WriteLine($"{path}: error: no such study file");
            return null;
        }
        var load = ctx.Services.Studies.Load(path);
        foreach (var w in load.Warnings) ctx.Err.WriteLine($"warning: {w}");
        if (load.Errors.Count == 0 && load.Study is not null) return load.Study;
        foreach (var e in load.Errors) ctx.Err.WriteLine(e.ToString());
        ctx.Err.WriteLine($"hpproxy: {load.Errors.Count} error(s) in {path}{consequence}");
        return null;
    }
}
