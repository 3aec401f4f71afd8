using Google.Protobuf;

namespace SegRestore.Br.Tests.State;

/// <summary>
/// Writes protobuf bytes tag by tag with the field numbers of kvproto's proto/brpb.proto (not through SegRestore's
/// generated classes), so a golden built with it pins our .proto against upstream's wire contract:
/// BackupMeta { uint64 cluster_id = 1; string cluster_version = 2; int32 version = 12; repeated PitrDBMap db_maps = 22; },
/// PitrDBMap { string name = 1; IDMap id_map = 2; repeated PitrTableMap tables = 3; },
/// PitrTableMap { string name = 1; IDMap id_map = 2; repeated IDMap partitions = 3; },
/// IDMap { int64 upstream_id = 1; int64 downstream_id = 2; },
/// SegmentedPiTRState { repeated PitrDBMap db_maps = 22; uint64 segmented_pitr_state_ver = 1000; bytes segmented_pitr_state = 1001; }.
/// </summary>
internal static class UpstreamWire
{
    public static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        write(output);
        output.Flush();
        return buffer.ToArray();
    }

    public static void Varint(this CodedOutputStream o, int field, ulong value)
    {
        o.WriteTag(field, WireFormat.WireType.Varint);
        o.WriteUInt64(value);
    }

    public static void Text(this CodedOutputStream o, int field, string value)
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteString(value);
    }

    public static void Bytes(this CodedOutputStream o, int field, byte[] value)
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(ByteString.CopyFrom(value));
    }

    public static byte[] IdMap(long upstream, long downstream) => Message(o =>
    {
        o.Varint(1, (ulong)upstream);
        o.Varint(2, (ulong)downstream);
    });

    public static byte[] TableMap(string name, byte[] idMap, params byte[][] partitions) => Message(o =>
    {
        o.Text(1, name);
        o.Bytes(2, idMap);
        foreach (var partition in partitions)
        {
            o.Bytes(3, partition);
        }
    });

    public static byte[] DbMap(string name, byte[] idMap, params byte[][] tables) => Message(o =>
    {
        o.Text(1, name);
        o.Bytes(2, idMap);
        foreach (var table in tables)
        {
            o.Bytes(3, table);
        }
    });
}
