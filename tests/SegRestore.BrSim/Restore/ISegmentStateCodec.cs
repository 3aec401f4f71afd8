namespace SegRestore.BrSim.Restore;

/// <summary>Turns a segment state into the bytes BR stores (a SegmentedPiTRState protobuf) and back.</summary>
public interface ISegmentStateCodec
{
    byte[] Encode(SegmentState state);

    /// <summary>Decodes, or throws BrErrorException with BR's text (e.g. an unsupported state version).</summary>
    SegmentState Decode(byte[] bytes);
}
