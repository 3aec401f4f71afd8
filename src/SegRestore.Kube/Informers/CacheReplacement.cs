namespace SegRestore.Kube.Informers;

/// <summary>What a re-list changed in the cache.</summary>
public sealed record CacheReplacement<TEntity>(
    IReadOnlyList<TEntity> Added, IReadOnlyList<TEntity> Modified, IReadOnlyList<TEntity> Deleted);
