namespace SegRestore.Grpc.Protocol;

/// <summary>Converts metadata to and from HTTP/2 header values (<c>-bin</c> values are base64).</summary>
public static class MetadataHeaders
{
    public static string ToHeaderValue(MetadataEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes) : entry.Value;
    }

    /// <summary>
    /// Adds one received header to <paramref name="metadata"/> unless it is reserved. Binary values accept padded and
    /// unpadded base64; a comma-joined header (several values folded by HTTP) is split back into entries.
    /// </summary>
    public static void AddReceived(Metadata metadata, string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(values);
        if (MetadataKeys.IsReserved(name))
        {
            return;
        }

        var key = name.ToLowerInvariant();
        foreach (var value in values)
        {
            if (MetadataKeys.IsBinary(key))
            {
                foreach (var part in value.Split(','))
                {
                    metadata.Add(key, DecodeBase64(part.Trim(), key));
                }
            }
            else
            {
                metadata.Add(key, value);
            }
        }
    }

    /// <summary>Base64 with or without padding, as the specification allows for received values.</summary>
    public static byte[] DecodeBase64(string value, string key)
    {
        ArgumentNullException.ThrowIfNull(value);
        var padded = (value.Length % 4) switch
        {
            2 => value + "==",
            3 => value + "=",
            _ => value,
        };
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException ex)
        {
            throw new RpcException(
                new Status(StatusCode.Internal, $"Metadata header '{key}' is not valid base64."), new Metadata(), ex);
        }
    }
}
