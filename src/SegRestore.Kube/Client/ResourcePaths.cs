using System.Globalization;
using System.Text;

namespace SegRestore.Kube.Client;

/// <summary>Builds request paths and query strings; pure, so URL shapes are tested directly.</summary>
public static class ResourcePaths
{
    /// <summary><c>/api/v1[/namespaces/ns]/pods</c> or <c>/apis/group/version[/namespaces/ns]/plural</c>.</summary>
    public static string Collection(EntityResource resource, string? @namespace)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var root = resource.Group.Length == 0 ? $"/api/{resource.Version}" : $"/apis/{resource.Group}/{resource.Version}";
        return resource.Namespaced && !string.IsNullOrEmpty(@namespace)
            ? $"{root}/namespaces/{Uri.EscapeDataString(@namespace)}/{resource.Plural}"
            : $"{root}/{resource.Plural}";
    }

    public static string Item(EntityResource resource, string? @namespace, string name, string? subresource = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (resource.Namespaced && string.IsNullOrEmpty(@namespace))
        {
            throw new ArgumentException(
                $"{resource.Kind} '{name}' is namespaced but no namespace was given; set metadata.namespace or " +
                "configure a default namespace.", nameof(@namespace));
        }

        var path = $"{Collection(resource, @namespace)}/{Uri.EscapeDataString(name)}";
        return subresource is null ? path : $"{path}/{subresource}";
    }

    /// <summary>The query string of a list (<paramref name="watch"/> false) or watch call, with a leading '?'.</summary>
    public static string Query(ListOptions? options, bool watch)
    {
        var parameters = new List<(string Key, string Value)>();
        if (watch)
        {
            parameters.Add(("watch", "1"));
        }

        if (options is not null)
        {
            Add(parameters, "labelSelector", options.LabelSelector);
            Add(parameters, "fieldSelector", options.FieldSelector);
            Add(parameters, "limit", options.Limit?.ToString(CultureInfo.InvariantCulture));
            Add(parameters, "continue", options.Continue);
            Add(parameters, "resourceVersion", options.ResourceVersion);
            Add(parameters, "timeoutSeconds", options.TimeoutSeconds?.ToString(CultureInfo.InvariantCulture));
            if (watch && options.AllowWatchBookmarks)
            {
                parameters.Add(("allowWatchBookmarks", "true"));
            }
        }

        if (parameters.Count == 0)
        {
            return "";
        }

        var query = new StringBuilder();
        foreach (var (key, value) in parameters)
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }

        return query.ToString();
    }

    private static void Add(List<(string, string)> parameters, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parameters.Add((key, value));
        }
    }
}
