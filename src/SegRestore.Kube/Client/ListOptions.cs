namespace SegRestore.Kube.Client;

/// <summary>Query parameters of list and watch calls (<c>metav1.ListOptions</c>).</summary>
public sealed record ListOptions
{
    /// <summary>Full label selector grammar, e.g. <c>app=x,tier in (a,b),!legacy</c>.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>e.g. <c>metadata.name=x</c> or <c>status.phase=Running</c>.</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Page size; the server returns a <c>continue</c> token when more remain.</summary>
    public int? Limit { get; init; }

    public string? Continue { get; init; }

    public string? ResourceVersion { get; init; }

    /// <summary>Watch only: the server closes the stream cleanly after this long.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>Watch only: ask for BOOKMARK events that advance the resourceVersion.</summary>
    public bool AllowWatchBookmarks { get; init; }
}
