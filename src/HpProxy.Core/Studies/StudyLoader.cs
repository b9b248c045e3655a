namespace HpProxy.Core.Studies;

/// <summary>
/// Entry point for study files: parses the YAML text, validates it against the <see cref="IStudyCatalog"/> and
/// returns either a <see cref="StudyDefinition"/> or every problem found (DESIGN.md: validate before any compute,
/// report every problem at once with file, line and key). Core does no I/O: the caller reads the file.
/// </summary>
public static class StudyLoader
{
    /// <param name="file">How to name the file in errors and the default study name (e.g. "studies/quickstart.yaml").</param>
    /// <param name="text">The file's text.</param>
    /// <param name="catalog">What tasks, demonstrators, algorithms and proxies exist.</param>
    public static StudyLoadResult Load(string file, string text, IStudyCatalog catalog) =>
        Load(file, text, catalog, NoDemonstrationFiles.Instance);

    /// <param name="file">How to name the file in errors and the default study name; demonstration files
    /// (<c>file:</c>) are resolved against its folder.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="catalog">What tasks, demonstrators, algorithms and proxies exist.</param>
    /// <param name="demonstrationFiles">Reads and checks the demonstration files the study names.</param>
    public static StudyLoadResult Load(string file, string text, IStudyCatalog catalog, IDemonstrationFiles demonstrationFiles)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(demonstrationFiles);
        return new StudyValidator(file, catalog, demonstrationFiles).Validate(text);
    }

    /// <summary>
    /// The analysis settings a study file declares (its <c>analysis</c> section; the resampling seed defaults to the
    /// study seed), read without the catalog: what <c>hpproxy report</c> and <c>hpproxy analyze</c> start from for a
    /// stored study. Null when the text has no readable <c>seed</c> or <c>analysis</c> section.
    /// </summary>
    public static Analysis.AnalysisSettings? AnalysisSettings(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new StudyValidator("study", EmptyCatalog.Instance, NoDemonstrationFiles.Instance).AnalysisOnly(text);
    }

    /// <summary>The canonical form of a study name (lower case, [a-z0-9._-], safe as a folder name).</summary>
    public static string CanonicalName(string name) => StudyValidator.CanonicalName(name);

    /// <summary>A catalog that knows nothing: the analysis section asks it nothing.</summary>
    private sealed class EmptyCatalog : IStudyCatalog
    {
        public static readonly EmptyCatalog Instance = new();

        public bool HasTask(string task) => false;

        public IReadOnlyList<string> TaskNames => [];

        public IReadOnlyList<string> DemonstratorsFor(string task) => [];

        public IReadOnlyList<string> ValidateRegime(string regime, Spaces.HyperparameterSet parameters) => [];

        public IReadOnlyList<string> AlgorithmNames => [];

        public IReadOnlyList<string> HyperparameterNames(string algorithm) => [];

        public IReadOnlyList<string> ValidateHyperparameters(string algorithm, Spaces.HyperparameterSet hyperparameters) => [];

        public IReadOnlyList<string> ProxyNames => [];

        public IReadOnlyList<string> ValidateProxySettings(string proxy, Spaces.HyperparameterSet settings) => [];
    }
}
