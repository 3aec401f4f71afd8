namespace SegRestore.Api.Crd;

/// <summary>CustomResourceColumnDefinition: a column of <c>kubectl get</c>.</summary>
public sealed class CrdPrinterColumn
{
    public string Name { get; set; } = "";

    public string Type { get; set; } = "string";

    public string JsonPath { get; set; } = "";

    public string? Description { get; set; }

    public int? Priority { get; set; }
}
