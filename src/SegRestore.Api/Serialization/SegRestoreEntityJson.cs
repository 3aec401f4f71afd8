using SegRestore.Kube.Client;

namespace SegRestore.Api.Serialization;

/// <summary>The one <see cref="EntityJson"/> a client of this project's resources uses: PointRestoreSegment through
/// <see cref="SegRestoreJsonContext"/>, the official models through the official serializer.</summary>
public static class SegRestoreEntityJson
{
    public static EntityJson Instance { get; } = new(SegRestoreJsonContext.Default);
}
