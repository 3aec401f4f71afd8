namespace SegRestore.LocalCluster.Resources;

/// <summary>A resource independent of its version: objects are stored once per (group, plural).</summary>
public readonly record struct ResourceId(string Group, string Plural)
{
    public override string ToString() => Group.Length == 0 ? Plural : $"{Plural}.{Group}";
}
