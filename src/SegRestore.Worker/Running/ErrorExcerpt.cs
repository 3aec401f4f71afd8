using SegRestore.Br.Output;

namespace SegRestore.Worker.Running;

/// <summary>The last error lines BR printed (already redacted), bounded in lines and characters, for the result report.</summary>
public sealed class ErrorExcerpt(int maxLines = 8, int maxChars = 2048)
{
    private readonly Queue<string> _lines = new();

    public void Offer(BrEvent e, string redactedRaw)
    {
        ArgumentNullException.ThrowIfNull(e);
        var isError = e is BrFailedEvent or LogRestoreFailedEvent or FullRestoreFailedEvent
            || e.Record?.Level is "ERROR" or "FATAL" or "error" or "fatal";
        if (!isError)
        {
            return;
        }

        _lines.Enqueue(redactedRaw.Length > maxChars ? redactedRaw[..maxChars] : redactedRaw);
        while (_lines.Count > maxLines)
        {
            _lines.Dequeue();
        }
    }

    public override string ToString()
    {
        var text = string.Join('\n', _lines);
        return text.Length <= maxChars ? text : text[^maxChars..];
    }
}
