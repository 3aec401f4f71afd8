namespace SegRestore.LocalCluster.Api;

/// <summary>What a request path addresses, parsed from the Kubernetes REST path grammar.</summary>
public sealed record ApiPath
{
    public required ApiPathKind Kind { get; init; }
    public string Group { get; init; } = "";
    public string Version { get; init; } = "";
    public string? Namespace { get; init; }
    public string Plural { get; init; } = "";
    public string? Name { get; init; }
    public string? Subresource { get; init; }

    /// <summary>True for the legacy <c>/api/v1/watch/...</c> form, which implies <c>watch=true</c>.</summary>
    public bool LegacyWatch { get; init; }

    /// <summary>Parses a path; returns null when the path is not part of the Kubernetes API.</summary>
    public static ApiPath? Parse(string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return null;
        }

        if (segments[0] == "api")
        {
            return segments.Length switch
            {
                1 => new ApiPath { Kind = ApiPathKind.CoreVersions },
                2 => new ApiPath { Kind = ApiPathKind.ResourceList, Version = segments[1] },
                _ => ParseResource("", segments[1], segments[2..]),
            };
        }

        if (segments[0] == "apis")
        {
            return segments.Length switch
            {
                1 => new ApiPath { Kind = ApiPathKind.GroupList },
                2 => new ApiPath { Kind = ApiPathKind.Group, Group = segments[1] },
                3 => new ApiPath { Kind = ApiPathKind.ResourceList, Group = segments[1], Version = segments[2] },
                _ => ParseResource(segments[1], segments[2], segments[3..]),
            };
        }

        return null;
    }

    private static ApiPath? ParseResource(string group, string version, string[] rest)
    {
        var legacyWatch = false;
        if (rest.Length > 0 && rest[0] == "watch")
        {
            legacyWatch = true;
            rest = rest[1..];
        }

        string? ns = null;
        // namespaces/{ns}/{plural}/... addresses a namespaced resource; in the core group namespaces/{name}/status
        // (or /finalize) is the namespace object's own subresource.
        var namespaceOwnSubresource = group.Length == 0 && rest.Length == 3 && rest[2] is "status" or "finalize";
        if (rest.Length >= 3 && rest[0] == "namespaces" && !namespaceOwnSubresource)
        {
            ns = rest[1];
            rest = rest[2..];
        }

        if (rest.Length is 0 or > 3)
        {
            return null;
        }

        return new ApiPath
        {
            Kind = ApiPathKind.Resource,
            Group = group,
            Version = version,
            Namespace = ns,
            Plural = rest[0],
            Name = rest.Length > 1 ? rest[1] : null,
            Subresource = rest.Length > 2 ? rest[2] : null,
            LegacyWatch = legacyWatch,
        };
    }
}
