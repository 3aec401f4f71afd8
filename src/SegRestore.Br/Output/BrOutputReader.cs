using System.Runtime.CompilerServices;

namespace SegRestore.Br.Output;

/// <summary>Reads BR's output from a text stream as events, as they arrive.</summary>
public static class BrOutputReader
{
    public static async IAsyncEnumerable<BrEvent> ReadAsync(
        TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var parser = new BrOutputParser();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            foreach (var e in parser.Push(buffer.AsSpan(0, read)))
            {
                yield return e;
            }
        }

        foreach (var e in parser.Complete())
        {
            yield return e;
        }
    }
}
