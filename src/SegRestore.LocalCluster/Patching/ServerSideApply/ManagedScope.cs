namespace SegRestore.LocalCluster.Patching.ServerSideApply;

/// <summary>The part of an object a write may own: field management never tracks identity and server-set
/// metadata, and a resource with a status subresource tracks main writes without status and status writes
/// with status only (the API server's reset fields).</summary>
public enum ManagedScope
{
    Whole,
    WithoutStatus,
    StatusOnly,
}
