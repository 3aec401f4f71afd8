using SegRestore.LocalCluster.Resources;
using SegRestore.LocalCluster.Selectors;

namespace SegRestore.LocalCluster.Http;

/// <summary>A parsed <c>?watch=1</c> request.</summary>
public sealed record WatchRequest(
    ResourceDefinition Resource,
    string? Namespace,
    LabelSelector Labels,
    FieldSelector Fields,
    long? FromResourceVersion,
    TimeSpan Timeout,
    bool Bookmarks,
    string? TableVersion,
    string? IncludeObject);
