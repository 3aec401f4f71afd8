using System.Text;

namespace SegRestore.Br.Output;

/// <summary>
/// Streaming parser of BR's output (push API): feed chunks as they arrive, collect events. Lines end at `\n`,
/// `\r\n` or a lone `\r` (the terminal bar redraws with carriage returns). A record whose quoted value is still open
/// continues on the next lines (multi-line errors) until it closes, a new record starts, or a size cap is hit; then
/// the text is kept as <see cref="UnknownEvent"/>. Never throws on content.
/// </summary>
public sealed class BrOutputParser
{
    /// <summary>Longest physical line kept whole; longer text is split into Unknown chunks.</summary>
    public const int MaxLineChars = 1 << 20;

    /// <summary>Most continuation lines joined into one multi-line record.</summary>
    public const int MaxContinuationLines = 4096;

    private readonly StringBuilder _line = new();
    private StringBuilder? _pending;
    private int _pendingLines;
    private bool _afterCarriageReturn;

    public IReadOnlyList<BrEvent> Push(ReadOnlySpan<char> chunk)
    {
        var events = new List<BrEvent>();
        foreach (var c in chunk)
        {
            if (c == '\n' && _afterCarriageReturn)
            {
                _afterCarriageReturn = false;
                continue;
            }

            _afterCarriageReturn = c == '\r';
            if (c is '\n' or '\r')
            {
                EndLine(events);
                continue;
            }

            _line.Append(c);
            if (_line.Length >= MaxLineChars)
            {
                FlushPending(events);
                events.Add(new UnknownEvent(_line.ToString(), null));
                _line.Clear();
            }
        }

        return events;
    }

    public IReadOnlyList<BrEvent> Push(string chunk) => Push(chunk.AsSpan());

    /// <summary>End of output: the last unterminated line and any open multi-line record are emitted.</summary>
    public IReadOnlyList<BrEvent> Complete()
    {
        var events = new List<BrEvent>();
        if (_line.Length > 0)
        {
            EndLine(events);
        }

        FlushPending(events);
        return events;
    }

    private void EndLine(List<BrEvent> events)
    {
        var text = _line.ToString();
        _line.Clear();
        if (_pending is not null)
        {
            if (!PingcapLogParser.LooksLikeRecordStart(text))
            {
                ContinuePending(text, events);
                return;
            }

            FlushPending(events);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        switch (PingcapLogParser.TryParse(text, out var record))
        {
            case LogParseStatus.Record:
                events.Add(BrEventClassifier.FromRecord(record!));
                break;
            case LogParseStatus.Incomplete when PingcapLogParser.LooksLikeRecordStart(text):
                _pending = new StringBuilder(text);
                _pendingLines = 1;
                break;
            default:
                events.Add(BrEventClassifier.FromPlainLine(text));
                break;
        }
    }

    private void ContinuePending(string text, List<BrEvent> events)
    {
        _pending!.Append('\n').Append(text);
        _pendingLines++;
        var tooLong = _pendingLines >= MaxContinuationLines || _pending.Length >= MaxLineChars;
        if (!tooLong && !text.Contains(']', StringComparison.Ordinal))
        {
            return; // every record ends with ']': without one this line cannot complete it, so skip the re-parse.
        }

        switch (PingcapLogParser.TryParse(_pending.ToString(), out var record))
        {
            case LogParseStatus.Record:
                events.Add(BrEventClassifier.FromRecord(record!));
                _pending = null;
                break;
            case LogParseStatus.Incomplete when !tooLong:
                break;
            default:
                FlushPending(events);
                break;
        }
    }

    private void FlushPending(List<BrEvent> events)
    {
        if (_pending is null)
        {
            return;
        }

        events.Add(new UnknownEvent(_pending.ToString(), null));
        _pending = null;
        _pendingLines = 0;
    }
}
