namespace SegRestore.LocalCluster.Api;

/// <summary>The kinds of path the API server answers.</summary>
public enum ApiPathKind
{
    /// <summary><c>/api</c>.</summary>
    CoreVersions,

    /// <summary><c>/apis</c>.</summary>
    GroupList,

    /// <summary><c>/apis/{group}</c>.</summary>
    Group,

    /// <summary><c>/api/v1</c> or <c>/apis/{group}/{version}</c>.</summary>
    ResourceList,

    /// <summary>A collection, an object or an object's subresource.</summary>
    Resource,
}
