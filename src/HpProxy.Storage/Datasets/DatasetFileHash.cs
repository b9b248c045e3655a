using System.Security.Cryptography;

namespace HpProxy.Storage.Datasets;

/// <summary>The content hash that identifies a demonstration file in run specs: lower-case hex SHA-256 of its bytes.</summary>
public static class DatasetFileHash
{
    public static string Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static string Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
