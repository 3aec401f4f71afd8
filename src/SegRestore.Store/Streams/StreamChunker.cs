namespace SegRestore.Store.Streams;

/// <summary>Cuts a stream into fixed-size chunks without holding more than one chunk in memory.</summary>
public static class StreamChunker
{
    /// <summary>Fills <paramref name="buffer"/> from <paramref name="source"/>; returns fewer bytes only at the end.</summary>
    public static async ValueTask<int> FillAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(buffer);
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await source.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }
}
