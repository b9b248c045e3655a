using HpProxy.Scheduling;
using HpProxy.Storage;

namespace HpProxy.Cli.Wiring;

/// <summary>Builds a study's report from stored rows only (figures, HTML and Markdown under the study folder).</summary>
public interface IReportWriter
{
    /// <summary>Returns the path of the main report file (what the CLI prints).</summary>
    string Build(IStudyStore store, StudyLocation location);
}
