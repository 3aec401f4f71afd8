namespace SegRestore.Api.Crd;

/// <summary>apiextensions.k8s.io/v1 CustomResourceDefinition (the fields the generator writes).</summary>
public sealed class CustomResourceDefinition
{
    public string ApiVersion { get; set; } = "apiextensions.k8s.io/v1";

    public string Kind { get; set; } = "CustomResourceDefinition";

    public CrdMetadata Metadata { get; set; } = new();

    public CrdSpec Spec { get; set; } = new();
}
