using HpProxy.Cli.Parsing;
using HpProxy.Cli.Wiring;
using HpProxy.Scheduling;
using HpProxy.Storage;

namespace HpProxy.Cli;

/// <summary>What a command runs with: the product's pieces, the output streams, and whether stdout is a terminal.</summary>
public sealed class CliContext(CliServices services, TextWriter output, TextWriter error, bool interactive)
{
    public CliServices Services { get; } = services;

    public TextWriter Out { get; } = output;

    public TextWriter Err { get; } = error;

    public bool Interactive { get; } = interactive;

    public static StudyLocation Locate(ParsedCommand command, string studyName)
    {
        try
        {
            return StudyLocation.Create(command.ValueOr("results", CommandTable.DefaultResults), studyName, command.Value("postgres"));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.Split(" (Parameter")[0], command.Name);
        }
    }

    /// <summary>How to name this study on a later command line (with --results when it is not the default).</summary>
    public static string StudyArguments(StudyLocation location)
    {
        string defaultRoot = Path.GetFullPath(CommandTable.DefaultResults);
        return location.ResultsRoot == defaultRoot ? location.StudyName : $"{location.StudyName} --results {location.ResultsRoot}";
    }

    /// <summary>Opens the store of a study that must already exist (planned by <c>run</c>).</summary>
    public IStudyStore OpenExisting(StudyLocation location)
    {
        if (location.Postgres is null && !Directory.Exists(location.StudyDirectory))
        {
            throw new StudyNotFoundException(location);
        }
        var store = Services.Stores.Open(location);
        try
        {
            if (store.GetStudy() is null) throw new StudyNotFoundException(location);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }
}

/// <summary>No study of that name under the results folder (bad input: exit code 2).</summary>
public sealed class StudyNotFoundException(StudyLocation location)
    : Exception($"no study named '{location.StudyName}' in {(location.Postgres is null ? location.ResultsRoot : "the PostgreSQL database")} (start it with: hpproxy run <study.yaml>)");
