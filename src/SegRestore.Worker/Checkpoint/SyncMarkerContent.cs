using System.Text.Json.Serialization;

namespace SegRestore.Worker.Checkpoint;

/// <summary>What <see cref="SyncMarker"/> stores: the generation, and which attempt wrote it (for a human reading it).</summary>
public sealed record SyncMarkerContent(
    [property: JsonPropertyName("generation")] long Generation,
    [property: JsonPropertyName("segmentUid")] string SegmentUid,
    [property: JsonPropertyName("attempt")] int Attempt);
