namespace SegRestore.Api.Crd;

/// <summary>CustomResourceDefinitionVersion.</summary>
public sealed class CrdVersion
{
    public string Name { get; set; } = "";

    public bool Served { get; set; } = true;

    public bool Storage { get; set; } = true;

    public CrdValidation Schema { get; set; } = new();

    public CrdSubresources? Subresources { get; set; }

    public List<CrdPrinterColumn>? AdditionalPrinterColumns { get; set; }
}
