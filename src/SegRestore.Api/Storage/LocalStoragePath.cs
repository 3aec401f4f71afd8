namespace SegRestore.Api.Storage;

/// <summary>
/// BR's local storage (<c>local://</c>, <c>file://</c>) reads a path inside the worker pod. That path must be written
/// in its normal form, so what is checked is what BR opens: absolute, no empty, <c>.</c> or <c>..</c> segments (a
/// <c>local:///../../etc</c> would leave the volume the URL is meant to name), and a claim's sub-path relative and
/// inside the claim. Pure.
/// </summary>
public static class LocalStoragePath
{
    private static readonly string[] Schemes = ["local://", "file://"];

    /// <summary>True for a local:// or file:// URL.</summary>
    public static bool IsLocal(string? url) =>
        url is not null && Schemes.Any(s => url.StartsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>What is wrong with a local URL's path (null when it is fine, or the URL is not local).</summary>
    public static string? PathProblem(string? url)
    {
        if (!IsLocal(url))
        {
            return null;
        }

        var scheme = Schemes.First(s => url!.StartsWith(s, StringComparison.OrdinalIgnoreCase));
        var query = url!.IndexOf('?', StringComparison.Ordinal);
        var path = (query < 0 ? url : url[..query])[scheme.Length..];
        if (!path.StartsWith('/'))
        {
            return "is not an absolute path (write local:///<path>, three slashes)";
        }

        return SegmentProblem(path.TrimEnd('/')[1..].Split('/'), allowEmpty: path == "/");
    }

    /// <summary>What is wrong with a claim's sub-path (null when it is fine or absent).</summary>
    public static string? SubPathProblem(string? subPath)
    {
        if (string.IsNullOrEmpty(subPath))
        {
            return null;
        }

        return subPath.StartsWith('/') ? "is absolute; a sub-path is relative to the claim's root" : SegmentProblem(subPath.TrimEnd('/').Split('/'), allowEmpty: false);
    }

    private static string? SegmentProblem(string[] segments, bool allowEmpty)
    {
        if (allowEmpty && segments is [""])
        {
            return null;
        }

        if (segments.Any(s => s is ".."))
        {
            return "has a '..' segment, which leaves the directory it names";
        }

        if (segments.Any(s => s is "."))
        {
            return "has a '.' segment";
        }

        return segments.Any(s => s.Length == 0) ? "has an empty segment ('//')" : null;
    }
}
