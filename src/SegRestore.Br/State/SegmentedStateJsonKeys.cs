namespace SegRestore.Br.State;

/// <summary>
/// JSON keys of the version-1 `SegmentedPiTRState` payload, as BR's Go structs name them (TiFlash replica fields
/// have no JSON tags, so Go uses the field names). Shared by the decoder, the encoder and the BR simulator.
/// </summary>
public static class SegmentedStateJsonKeys
{
    public const string TiFlashItems = "tiflash_items";
    public const string IngestRecorder = "ingest_recorder";
    public const string IngestItems = "items";
    public const string IsPrimary = "is_primary";
    public const string Count = "Count";
    public const string LocationLabels = "LocationLabels";
    public const string Available = "Available";
    public const string AvailablePartitionIds = "AvailablePartitionIDs";
}
