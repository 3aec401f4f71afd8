namespace SegRestore.Api.Crd;

/// <summary>CustomResourceSubresources: only status (written by the operator through /status).</summary>
public sealed class CrdSubresources
{
    public CrdStatusSubresource? Status { get; set; }
}
