using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SegRestore.Br;
using SegRestore.Br.Output;

namespace SegRestore.Operator.Logs;

/// <summary>
/// Turns a worker pod's log into what the operator keeps of it, pure: secrets redacted line by line (URL
/// passwords, sensitive query keys and variables, the attempt's known secrets), cut to the last
/// <see cref="MaxBytes"/> at a line boundary (the end of a log says why it ended), and BR's log window read from the
/// whole text before it is cut.
/// </summary>
public static partial class AttemptLogText
{
    /// <summary>A ConfigMap holds 1 MiB; one attempt's tail stays far below, so many attempts fit beside the ledger.</summary>
    public const int MaxBytes = 64 * 1024;

    public static AttemptLog Prepare(string? raw, IEnumerable<string>? knownSecrets = null, int maxBytes = MaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        var text = raw ?? "";
        var (min, max) = LogWindow(text);
        var secrets = (knownSecrets ?? []).ToList();
        var redacted = string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(line => SecretRedactor.Redact(line, secrets)));
        var bytes = Encoding.UTF8.GetByteCount(redacted);
        if (bytes <= maxBytes)
        {
            return new AttemptLog(redacted, 0, min, max);
        }

        var kept = Tail(redacted, maxBytes);
        return new AttemptLog(kept, bytes - Encoding.UTF8.GetByteCount(kept), min, max);
    }

    /// <summary>The longest suffix of whole lines within the bound (or, for one huge last line, its last bytes on a
    /// character boundary).</summary>
    private static string Tail(string text, int maxBytes)
    {
        var lines = text.Split('\n');
        var size = 0;
        var first = lines.Length;
        while (first > 0)
        {
            var width = Encoding.UTF8.GetByteCount(lines[first - 1]) + (first < lines.Length ? 1 : 0);
            if (size + width > maxBytes)
            {
                break;
            }

            size += width;
            first--;
        }

        if (first < lines.Length)
        {
            return string.Join('\n', lines[first..]);
        }

        var last = lines[^1];
        var from = last.Length;
        var count = 0;
        while (from > 0)
        {
            var step = from > 1 && char.IsLowSurrogate(last[from - 1]) ? 2 : 1;
            var width = Encoding.UTF8.GetByteCount(last.AsSpan(from - step, step));
            if (count + width > maxBytes)
            {
                break;
            }

            count += width;
            from -= step;
        }

        return last[from..];
    }

    /// <summary>The last window in the log: BR's `start point in time restore` line, or the worker's own "Log window
    /// MIN..MAX" line (WorkerRunner.Log), which it writes when it reads `br log metadata` before it starts BR and may
    /// stop there (a range outside the log is refused before BR runs).</summary>
    private static (ulong? Min, ulong? Max) LogWindow(string text)
    {
        var parser = new BrOutputParser();
        var events = parser.Push(text).Concat(parser.Complete()).ToList();
        var start = events.OfType<StartPointEvent>().LastOrDefault(e => e.LogMinTs is not null || e.LogMaxTs is not null);
        var worker = WorkerWindow().Matches(text).LastOrDefault();
        if (worker is not null && (start is null || text.LastIndexOf(start.Raw, StringComparison.Ordinal) < worker.Index)
            && ulong.TryParse(worker.Groups["min"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            && ulong.TryParse(worker.Groups["max"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var max))
        {
            return (min, max);
        }

        return (start?.LogMinTs, start?.LogMaxTs);
    }

    [GeneratedRegex(@"Log window (?<min>\d{1,20})\.\.(?<max>\d{1,20})\b", RegexOptions.CultureInvariant)]
    private static partial Regex WorkerWindow();
}
