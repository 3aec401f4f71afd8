namespace SegRestore.Br.Arguments;

/// <summary>
/// Turns a <see cref="BrStorage"/> into a <see cref="StorageUrl"/>: checks the scheme and bucket as BR's
/// `ParseBackend` does, refuses credentials in the URL, and merges the provider block into the query options.
/// </summary>
public static class StorageUrlParser
{
    public static StorageUrl Parse(BrStorage storage, string field)
    {
        var url = storage.Url?.Trim() ?? string.Empty;
        if (url.Length == 0)
        {
            throw new BrArgumentException($"{field}.url", $"{field}.url is empty; set it to s3://, gcs://, azure:// or local:// storage");
        }

        if (SecretRedactor.CarriesCredential(url, out var what))
        {
            throw new BrArgumentException($"{field}.url",
                $"{field}.url '{SecretRedactor.Redact(url)}' carries {what}; remove it and put the credential in the Secret named by {field}.secretName");
        }

        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd > 0 ? url[..schemeEnd].ToLowerInvariant() : string.Empty;
        var provider = scheme switch
        {
            "s3" => StorageProvider.S3,
            "gcs" or "gs" => StorageProvider.Gcs,
            "azure" or "azblob" => StorageProvider.Azblob,
            "local" or "file" => StorageProvider.Local,
            _ => throw new BrArgumentException($"{field}.url",
                $"{field}.url '{url}' has an unsupported scheme '{scheme}'; use s3://, gcs://, azure:// or local://"),
        };

        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        var baseUrl = queryStart < 0 ? url : url[..queryStart];
        var rest = baseUrl[(schemeEnd + 3)..];
        if (provider != StorageProvider.Local && (rest.Length == 0 || rest[0] == '/'))
        {
            throw new BrArgumentException($"{field}.url", $"{field}.url '{url}' names no bucket; write {scheme}://<bucket>/<prefix>");
        }

        var options = ParseQuery(queryStart < 0 ? string.Empty : url[(queryStart + 1)..], field);
        MergeProviderBlock(storage, provider, options, field);
        if (provider == StorageProvider.Local && storage.SecretName is { Length: > 0 })
        {
            throw new BrArgumentException($"{field}.secretName",
                $"{field}.secretName '{storage.SecretName}' is set but local storage takes no credentials; remove it");
        }

        return new StorageUrl(provider, baseUrl, options);
    }

    /// <summary>BR's key normalization: lower case, `_` becomes `-`.</summary>
    public static string NormalizeKey(string key) => key.Replace('_', '-').ToLowerInvariant();

    private static Dictionary<string, string> ParseQuery(string query, string field)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = NormalizeKey(Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]));
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..].Replace("+", "%2B", StringComparison.Ordinal));
            if (!options.TryAdd(key, value) && options[key] != value)
            {
                throw new BrArgumentException($"{field}.url", $"{field}.url sets the query parameter '{key}' twice with different values; keep one");
            }
        }

        return options;
    }

    private static void MergeProviderBlock(BrStorage storage, StorageProvider provider, Dictionary<string, string> options, string field)
    {
        RefuseForeignBlock(storage.S3 is not null, "s3", StorageProvider.S3, provider, field);
        RefuseForeignBlock(storage.Gcs is not null, "gcs", StorageProvider.Gcs, provider, field);
        RefuseForeignBlock(storage.Azblob is not null, "azblob", StorageProvider.Azblob, provider, field);
        if (storage.S3 is { } s3)
        {
            Set(options, field, "s3", "region", s3.Region);
            Set(options, field, "s3", "endpoint", s3.Endpoint);
            Set(options, field, "s3", "provider", s3.Provider);
            Set(options, field, "s3", "sse", s3.Sse);
            Set(options, field, "s3", "acl", s3.Acl);
            Set(options, field, "s3", "storage-class", s3.StorageClass);
            Set(options, field, "s3", "force-path-style", s3.ForcePathStyle is { } fps ? (fps ? "true" : "false") : null);
        }

        if (storage.Gcs is { } gcs)
        {
            Set(options, field, "gcs", "storage-class", gcs.StorageClass);
            Set(options, field, "gcs", "predefined-acl", gcs.PredefinedAcl);
            Set(options, field, "gcs", "endpoint", gcs.Endpoint);
        }

        if (storage.Azblob is { } az)
        {
            Set(options, field, "azblob", "account-name", az.AccountName);
            Set(options, field, "azblob", "access-tier", az.AccessTier);
            Set(options, field, "azblob", "encryption-scope", az.EncryptionScope);
            Set(options, field, "azblob", "endpoint", az.Endpoint);
        }
    }

    private static void RefuseForeignBlock(bool present, string block, StorageProvider owner, StorageProvider actual, string field)
    {
        if (present && owner != actual)
        {
            throw new BrArgumentException($"{field}.{block}",
                $"{field}.{block} is set but {field}.url is {actual} storage; remove {field}.{block} or fix the URL's scheme");
        }
    }

    private static void Set(Dictionary<string, string> options, string field, string block, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (options.TryGetValue(key, out var existing) && existing != value)
        {
            throw new BrArgumentException($"{field}.{block}",
                $"{field}.{block} sets {key}='{value}' but {field}.url's query says '{existing}'; set it in one place");
        }

        options[key] = value;
    }
}
