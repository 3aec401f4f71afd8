namespace SegRestore.LocalCluster.Resources;

/// <summary>The resources the server serves: built-ins plus those registered by CRDs at run time.</summary>
public sealed class ResourceRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Group, string Version, string Plural), ResourceDefinition> _byPath = [];
    private readonly Dictionary<string, List<ResourceDefinition>> _byCrd = new(StringComparer.Ordinal);

    public ResourceRegistry()
    {
        foreach (var definition in BuiltInResources.All)
        {
            _byPath[(definition.Group, definition.Version, definition.Plural)] = definition;
        }
    }

    public ResourceDefinition? Find(string group, string version, string plural)
    {
        lock (_gate)
        {
            return _byPath.GetValueOrDefault((group, version, plural));
        }
    }

    /// <summary>Any served version of a resource (the first in registration order).</summary>
    public ResourceDefinition? Find(ResourceId id)
    {
        lock (_gate)
        {
            return _byPath.Values.FirstOrDefault(d => d.Group == id.Group && d.Plural == id.Plural);
        }
    }

    public IReadOnlyList<ResourceDefinition> All()
    {
        lock (_gate)
        {
            return [.. _byPath.Values];
        }
    }

    /// <summary>Versions of each group, the preferred (first registered) version first.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups()
    {
        lock (_gate)
        {
            return [.. _byPath.Values
                .Where(d => d.Group.Length > 0)
                .GroupBy(d => d.Group)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Select(d => d.Version).Distinct()]))];
        }
    }

    public IReadOnlyList<ResourceDefinition> InGroupVersion(string group, string version)
    {
        lock (_gate)
        {
            return [.. _byPath.Values.Where(d => d.Group == group && d.Version == version).OrderBy(d => d.Plural)];
        }
    }

    /// <summary>Registers (or replaces) the versions served for a CRD.</summary>
    public void SetCustom(string crdName, IReadOnlyList<ResourceDefinition> versions)
    {
        lock (_gate)
        {
            RemoveCustomLocked(crdName);
            foreach (var definition in versions)
            {
                _byPath[(definition.Group, definition.Version, definition.Plural)] = definition;
            }

            _byCrd[crdName] = [.. versions];
        }
    }

    public void RemoveCustom(string crdName)
    {
        lock (_gate)
        {
            RemoveCustomLocked(crdName);
        }
    }

    private void RemoveCustomLocked(string crdName)
    {
        if (_byCrd.Remove(crdName, out var previous))
        {
            foreach (var definition in previous)
            {
                _byPath.Remove((definition.Group, definition.Version, definition.Plural));
            }
        }
    }
}
