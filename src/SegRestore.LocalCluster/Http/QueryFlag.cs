using Microsoft.AspNetCore.Http;

namespace SegRestore.LocalCluster.Http;

/// <summary>A boolean query parameter (watch, allowWatchBookmarks, follow, force) read as the API server's parameter codec
/// reads it (apimachinery Convert_Slice_string_To_bool): absent, "0" or any casing of "false" is false; any other
/// value, the empty string included, is true. Clients differ: the Python client sends <c>watch=True</c>.</summary>
public static class QueryFlag
{
    public static bool IsSet(IQueryCollection query, string name) => IsTrue(query[name].FirstOrDefault());

    /// <summary>The rule on one value (null when the parameter is absent).</summary>
    public static bool IsTrue(string? value) =>
        value is not null && value != "0" && !value.Equals("false", StringComparison.OrdinalIgnoreCase);
}
