namespace SegRestore.Api.Crd;

/// <summary>CustomResourceDefinitionNames.</summary>
public sealed class CrdNames
{
    public string Kind { get; set; } = "";

    public string ListKind { get; set; } = "";

    public string Plural { get; set; } = "";

    public string Singular { get; set; } = "";

    public List<string>? ShortNames { get; set; }

    public List<string>? Categories { get; set; }
}
