using System.Text;

namespace SegRestore.LocalCluster.Protobuf;

/// <summary>A minimal protobuf wire-format reader: fields as (number, wire type, value) over a byte range.</summary>
public sealed class ProtoReader
{
    private readonly byte[] _buffer;
    private readonly int _start;
    private readonly int _end;
    private int _position;

    public ProtoReader(byte[] buffer, int start, int end)
    {
        _buffer = buffer;
        _start = start;
        _end = end;
        _position = start;
    }

    public ProtoReader(byte[] buffer)
        : this(buffer, 0, buffer.Length)
    {
    }

    /// <summary>Reads the next field; false at the end. Length-delimited values come back as a sub-range.</summary>
    public bool Next(out int field, out ulong number, out ProtoReader? nested)
    {
        field = 0;
        number = 0;
        nested = null;
        if (_position >= _end)
        {
            return false;
        }

        var tag = ReadVarint();
        field = (int)(tag >> 3);
        switch (tag & 7)
        {
            case 0:
                number = ReadVarint();
                break;
            case 1:
                _position += 8;
                break;
            case 2:
                var length = (int)ReadVarint();
                if (length < 0 || _position + length > _end)
                {
                    throw new FormatException("protobuf length runs past the end of the message");
                }

                nested = new ProtoReader(_buffer, _position, _position + length);
                _position += length;
                break;
            case 5:
                _position += 4;
                break;
            default:
                throw new FormatException($"unsupported protobuf wire type {tag & 7}");
        }

        return true;
    }

    public string Text() => Encoding.UTF8.GetString(_buffer, _start, _end - _start);

    public byte[] Bytes() => _buffer[_start.._end];

    private ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _end)
            {
                throw new FormatException("truncated protobuf varint");
            }

            var b = _buffer[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new FormatException("protobuf varint too long");
    }
}
