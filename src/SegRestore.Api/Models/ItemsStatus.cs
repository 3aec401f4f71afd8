using System.ComponentModel;

namespace SegRestore.Api.Models;

/// <summary>status.items: work BR defers to the last segment, decoded from its segmented state.</summary>
public sealed class ItemsStatus
{
    [Description("Tables whose TiFlash replicas the last segment will put back.")]
    public int? TiflashReplicasPending { get; set; }

    [Description("Ingest-mode indexes the last segment will repair.")]
    public int? IngestIndexesPending { get; set; }
}
