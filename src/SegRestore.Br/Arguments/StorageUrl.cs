namespace SegRestore.Br.Arguments;

/// <summary>A storage URL split into its base (scheme, bucket, prefix) and its query options (BR's normalized keys).</summary>
public sealed record StorageUrl(StorageProvider Provider, string Base, IReadOnlyDictionary<string, string> Options)
{
    /// <summary>
    /// The URL BR gets: the base plus every option as a query parameter, keys sorted so equal inputs give equal
    /// command lines (BR's `ParseBackend` moves query parameters into that storage's options).
    /// </summary>
    public string Compose()
    {
        if (Options.Count == 0)
        {
            return Base;
        }

        var query = string.Join('&', Options.OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => o.Key + "=" + Uri.EscapeDataString(o.Value)));
        return Base + "?" + query;
    }
}
