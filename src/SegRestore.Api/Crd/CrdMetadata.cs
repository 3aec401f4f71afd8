namespace SegRestore.Api.Crd;

/// <summary>A CRD's metadata: its name is <c>plural.group</c>.</summary>
public sealed class CrdMetadata
{
    public string Name { get; set; } = "";
}
