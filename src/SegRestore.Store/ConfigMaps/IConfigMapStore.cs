namespace SegRestore.Store.ConfigMaps;

/// <summary>
/// The few ConfigMap operations the ConfigMap ledger needs, in one namespace. The production adapter maps them onto
/// the Kubernetes client (SegRestore.Kube); tests use an in-memory implementation with the same conflict semantics.
/// </summary>
public interface IConfigMapStore
{
    /// <summary>The ConfigMap, or null when it does not exist.</summary>
    Task<ConfigMapObject?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates it; raises <see cref="ConfigMapAlreadyExistsException"/> when the name is taken.</summary>
    Task<ConfigMapObject> CreateAsync(ConfigMapObject configMap, CancellationToken cancellationToken);

    /// <summary>Replaces it only if its resourceVersion still equals <see cref="ConfigMapObject.ResourceVersion"/>; else
    /// raises <see cref="ConfigMapConflictException"/> (also when it no longer exists).</summary>
    Task<ConfigMapObject> ReplaceAsync(ConfigMapObject configMap, CancellationToken cancellationToken);

    /// <summary>Deletes it (with a resourceVersion precondition when given); a missing object is not an error.
    /// A failed precondition raises <see cref="ConfigMapConflictException"/>.</summary>
    Task DeleteAsync(string name, string? resourceVersion, CancellationToken cancellationToken);

    /// <summary>ConfigMaps carrying all of <paramref name="labels"/>; without data when <paramref name="includeData"/>
    /// is false (a metadata-only list).</summary>
    Task<IReadOnlyList<ConfigMapObject>> ListAsync(IReadOnlyDictionary<string, string> labels, bool includeData, CancellationToken cancellationToken);
}
