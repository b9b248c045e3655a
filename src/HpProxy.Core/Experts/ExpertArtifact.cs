using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HpProxy.Core.Experts;

/// <summary>How the expert was trained and how good it is (recorded so a poor expert is never mistaken for a good one).</summary>
/// <param name="Steps">Environment steps of training when the saved actor was evaluated (the best checkpoint, see ExpertTrainer).</param>
/// <param name="Seed">Root seed of the training run.</param>
/// <param name="Return">Mean deterministic return of the saved actor at that checkpoint (evaluation episodes of the run).</param>
/// <param name="RandomReturn">Mean return of uniform random actions (ReferenceReturnsMeter).</param>
/// <param name="NormalizedScore">Score against the task's other demonstrator, or null if there is none.</param>
/// <param name="Hyperparameters">The training hyperparameters, canonical string.</param>
public sealed record ExpertTraining(string Algorithm, long Steps, ulong Seed, double Return, double RandomReturn,
    double? NormalizedScore, string Hyperparameters);

/// <summary>
/// A trained policy saved for use as a demonstrator: the SAC actor, the observation normalisation it was
/// trained with, and its training record. On disk (<c>experts/&lt;task&gt;.expert</c>) it is JSON:
/// <c>{"sha256": hex, "body": {...}}</c> where the hash covers the body's exact bytes, checked on load.
/// </summary>
/// <param name="FormatVersion">Bumped on any incompatible change; loading rejects other versions.</param>
/// <param name="Actor">Outputs [μ | ρ] (tanh-Gaussian head); the demonstrator acts with tanh(μ).</param>
public sealed record ExpertArtifact(int FormatVersion, string Task, int ObservationSize, int ActionSize,
    bool Normalize, float[] ObservationMean, float[] ObservationStd, MlpSnapshot Actor, ExpertTraining Training)
{
    public const int CurrentFormatVersion = 1;
    public const string Extension = ".expert";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The file text and the SHA-256 (hex) of its body.</summary>
    public (string Text, string Sha256) Serialize()
    {
        string body = JsonSerializer.Serialize(this, Json);
        string sha = Hash(body);
        return ($"{{\"sha256\":\"{sha}\",\"body\":{body}}}\n", sha);
    }

    public string Save(string path)
    {
        var (text, sha) = Serialize();
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        // Written aside and moved into place, so a process killed mid-write never leaves a truncated expert where a
        // worker would load it (the move replaces the file in one step on the same file system).
        string temporary = path + ".writing";
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
        return sha;
    }

    public static ExpertArtifact Load(string path) => Parse(File.ReadAllText(path, Encoding.UTF8));

    /// <exception cref="InvalidDataException">Corrupt (hash mismatch), another format version, or inconsistent sizes.</exception>
    public static ExpertArtifact Parse(string text)
    {
        using var doc = JsonDocument.Parse(text);
        string body = doc.RootElement.GetProperty("body").GetRawText();
        string expected = doc.RootElement.GetProperty("sha256").GetString() ?? "";
        if (!string.Equals(Hash(body), expected, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException("expert artifact is corrupt: SHA-256 of its body does not match");
        var artifact = JsonSerializer.Deserialize<ExpertArtifact>(body, Json) ?? throw new InvalidDataException("empty expert artifact");
        if (artifact.FormatVersion != CurrentFormatVersion)
            throw new InvalidDataException($"expert artifact format {artifact.FormatVersion}; this build reads {CurrentFormatVersion}");
        if (artifact.ObservationMean.Length != artifact.ObservationSize || artifact.ObservationStd.Length != artifact.ObservationSize
            || artifact.Actor.InputSize != artifact.ObservationSize || artifact.Actor.OutputSize != 2 * artifact.ActionSize)
            throw new InvalidDataException("expert artifact sizes are inconsistent");
        return artifact;
    }

    /// <summary>The task and body hash without building the network (for registration and listings).</summary>
    public static (string Task, int ActionSize, string Sha256) PeekHeader(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8));
        var body = doc.RootElement.GetProperty("body");
        return (body.GetProperty("task").GetString() ?? "", body.GetProperty("action_size").GetInt32(),
            doc.RootElement.GetProperty("sha256").GetString() ?? "");
    }

    private static string Hash(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}
