namespace SegRestore.Api.Crd;

/// <summary>CustomResourceDefinitionSpec.</summary>
public sealed class CrdSpec
{
    public string Group { get; set; } = "";

    public CrdNames Names { get; set; } = new();

    public string Scope { get; set; } = "Namespaced";

    public List<CrdVersion> Versions { get; set; } = [];
}
