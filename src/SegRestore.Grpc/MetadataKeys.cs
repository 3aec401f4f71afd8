namespace SegRestore.Grpc;

/// <summary>Rules for metadata header names (lower-case token characters; <c>-bin</c> marks binary values).</summary>
public static class MetadataKeys
{
    public const string BinarySuffix = "-bin";

    public static bool IsBinary(string key) => key.EndsWith(BinarySuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Lower-cases a key and rejects characters HTTP/2 header names cannot carry.</summary>
    public static string Normalize(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var lower = key.ToLowerInvariant();
        foreach (var c in lower)
        {
            var valid = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.';
            if (!valid)
            {
                throw new ArgumentException(
                    $"Metadata key '{key}' contains '{c}'; keys may only contain a-z, 0-9, '-', '_' and '.'.", nameof(key));
            }
        }

        return lower;
    }

    /// <summary>
    /// Headers that belong to the protocol or to HTTP itself: they are never exposed as metadata and callers may not
    /// set them.
    /// </summary>
    public static bool IsReserved(string key) =>
        key.StartsWith(':')
        || key.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase)
        || key.Equals("content-type", StringComparison.OrdinalIgnoreCase)
        || key.Equals("te", StringComparison.OrdinalIgnoreCase)
        || key.Equals("host", StringComparison.OrdinalIgnoreCase)
        || key.Equals("content-length", StringComparison.OrdinalIgnoreCase)
        || key.Equals("connection", StringComparison.OrdinalIgnoreCase)
        || key.Equals("transfer-encoding", StringComparison.OrdinalIgnoreCase);
}
