namespace SegRestore.Br.Output;

/// <summary>
/// One pingcap/log record: `[time] [LEVEL] [source] ["message"] [key=value]...`. Records printed to a terminal
/// without the header (`*** ["message"] [k=v]`) have no time, level or source.
/// </summary>
public sealed record BrLogRecord(
    DateTimeOffset? Time,
    string? Level,
    string? Source,
    string Message,
    IReadOnlyList<KeyValuePair<string, string>> Fields,
    string Raw)
{
    /// <summary>The first value of a field (BR may repeat keys; the first is what zap wrote first).</summary>
    public string? Field(string key)
    {
        foreach (var field in Fields)
        {
            if (string.Equals(field.Key, key, StringComparison.Ordinal))
            {
                return field.Value;
            }
        }

        return null;
    }
}
