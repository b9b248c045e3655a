namespace HpProxy.Core.Studies;

/// <summary>
/// One problem in a study file, located by line and column (1-based) and by the dotted key path of the node,
/// e.g. <c>algorithms[1].space.learning_rate</c> (empty for the whole file).
/// </summary>
public sealed record StudyError(string File, int Line, int Column, string Key, string Message)
{
    /// <summary>Compiler-style <c>studies/bad.yaml:12:5: algorithms[0].space.learnig_rate: unknown hyperparameter ...</c>,
    /// which editors and terminals turn into a link to the spot.</summary>
    public override string ToString() =>
        Key.Length == 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}:{Line}:{Column}: {Key}: {Message}";
}
