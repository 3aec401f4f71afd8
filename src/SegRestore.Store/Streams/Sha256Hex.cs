using System.Security.Cryptography;

namespace SegRestore.Store.Streams;

/// <summary>sha256 as the ledger writes it everywhere: lowercase hex.</summary>
public static class Sha256Hex
{
    public static string Of(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static string Of(IncrementalHash hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
