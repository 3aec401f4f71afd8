using System.IO.Compression;

namespace SegRestore.Store.ConfigMaps;

/// <summary>gzip for blob ConfigMaps, with a bound on the decoded size so a damaged or hostile blob cannot
/// exhaust memory.</summary>
public static class BlobCodec
{
    /// <summary>gzip of <paramref name="chunk"/>. Data that does not compress (BR's SST files often do not) is stored
    /// in gzip's uncompressed blocks instead, so a chunk of <see cref="ConfigMapLedgerOptions.ChunkBytes"/> always
    /// fits the blob limit.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> chunk)
    {
        var encoded = Gzip(chunk, LooksCompressible(chunk) ? CompressionLevel.Fastest : CompressionLevel.NoCompression);
        if (encoded.Length >= chunk.Length)
        {
            encoded = Gzip(chunk, CompressionLevel.NoCompression);
        }

        if (encoded.Length > ConfigMapLedgerOptions.MaxBlobBytes)
        {
            throw new InvalidOperationException(
                $"A {chunk.Length}-byte chunk encoded to {encoded.Length} bytes, over the {ConfigMapLedgerOptions.MaxBlobBytes}-byte blob limit.");
        }

        return encoded;
    }

    /// <summary>Compressing a sample first avoids compressing a whole incompressible chunk only to throw it away.</summary>
    private static bool LooksCompressible(ReadOnlySpan<byte> chunk)
    {
        const int SampleBytes = 64 * 1024;
        if (chunk.Length <= SampleBytes)
        {
            return true;
        }

        var sample = chunk[..SampleBytes];
        return Gzip(sample, CompressionLevel.Fastest).Length < SampleBytes * 0.95;
    }

    private static byte[] Gzip(ReadOnlySpan<byte> chunk, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
        {
            gzip.Write(chunk);
        }

        return output.ToArray();
    }

    /// <summary>The decoded chunk; <see cref="InvalidDataException"/> when it is not gzip or decodes to more than
    /// <paramref name="maxBytes"/>.</summary>
    public static byte[] Decode(byte[] encoded, int maxBytes)
    {
        using var input = new MemoryStream(encoded, writable: false);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, read);
            if (output.Length > maxBytes)
            {
                throw new InvalidDataException($"The blob decodes to more than {maxBytes} bytes.");
            }
        }

        return output.ToArray();
    }
}
