using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using SegRestore.LocalCluster.Api;

namespace SegRestore.LocalCluster.Http;

/// <summary>Query parameters of list and watch requests, parsed with the errors a real server gives.</summary>
public sealed record ListQuery(
    string? LabelSelector,
    string? FieldSelector,
    bool Watch,
    string? ResourceVersion,
    int? TimeoutSeconds,
    bool AllowBookmarks,
    long Limit,
    string? Continue,
    string? IncludeObject)
{
    public static ListQuery From(IQueryCollection query, bool legacyWatch) => new(
        query["labelSelector"].FirstOrDefault(),
        query["fieldSelector"].FirstOrDefault(),
        legacyWatch || QueryFlag.IsSet(query, "watch"),
        query["resourceVersion"].FirstOrDefault(),
        Int(query, "timeoutSeconds"),
        QueryFlag.IsSet(query, "allowWatchBookmarks"),
        Int(query, "limit") ?? 0,
        query["continue"].FirstOrDefault(),
        query["includeObject"].FirstOrDefault());

    /// <summary>The watch start: null for "" and "0" (send the current state first), else the version.</summary>
    public long? WatchFrom() => ResourceVersion is null or "" or "0" ? null : ParseVersion(ResourceVersion);

    public static long ParseVersion(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw StatusErrors.BadRequest($"invalid resource version: {text}");

    /// <summary>Continue tokens carry the list's resourceVersion and the last key returned.</summary>
    public static string EncodeContinue(long resourceVersion, string lastNamespace, string lastName) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{resourceVersion.ToString(CultureInfo.InvariantCulture)}\n{lastNamespace}\n{lastName}"));

    public static (long ResourceVersion, string Namespace, string Name) DecodeContinue(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('\n');
            return (ParseVersion(parts[0]), parts[1], parts[2]);
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ApiException)
        {
            throw StatusErrors.BadRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
        }
    }

    private static int? Int(IQueryCollection query, string name) =>
        query[name].FirstOrDefault() is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw StatusErrors.BadRequest($"invalid {name}: {text}")
            : null;
}
