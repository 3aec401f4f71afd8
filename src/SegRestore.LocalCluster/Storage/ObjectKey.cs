using SegRestore.LocalCluster.Resources;

namespace SegRestore.LocalCluster.Storage;

/// <summary>Identifies a stored object; <see cref="Namespace"/> is empty for cluster-scoped objects.</summary>
public readonly record struct ObjectKey(ResourceId Resource, string Namespace, string Name)
{
    /// <summary>A stable text form used as the SQLite primary key.</summary>
    public string Encode() => $"{Resource.Group}/{Resource.Plural}/{Namespace}/{Name}";

    public static ObjectKey Decode(string text)
    {
        var parts = text.Split('/', 4);
        return new ObjectKey(new ResourceId(parts[0], parts[1]), parts[2], parts[3]);
    }

    public override string ToString() => Namespace.Length == 0 ? $"{Resource}/{Name}" : $"{Resource}/{Namespace}/{Name}";
}
