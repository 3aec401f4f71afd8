using SegRestore.Api.Chain;
using SegRestore.Br;
using SegRestore.Br.Probe;

namespace SegRestore.Worker.Config;

/// <summary>
/// The operator cannot run the BR image, so it writes the last-segment flag in the dialect it expects
/// (<c>--last-segment=X</c>, or <c>--last=X</c> once the chain knows its dialect). The worker probes the real BR and
/// renames the flag to the one this BR has. A BR with neither flag can only restore in one segment: for the last
/// segment the flag is dropped (such a BR restores the whole range and finalizes), for any other the segment is refused
/// with <see cref="ChainReason.BrLacksSegmentedRestore"/>, because running it would finalize the chain too early.
/// Tokens whose value is not a boolean are left as they are: BR rejects them with its own message.
/// </summary>
public static class BrDialectAdapter
{
    public const string LacksSegmentedRestore = nameof(ChainReason.BrLacksSegmentedRestore);

    private const string LastSegment = "--" + BrFlags.LastSegment;
    private const string Last = "--" + BrFlags.Last;

    public static BrDialectAdaptation Adapt(IReadOnlyList<string> argv, BrCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(argv);
        ArgumentNullException.ThrowIfNull(capabilities);
        var adapted = new List<string>(argv.Count);
        foreach (var token in argv)
        {
            if (!TryReadLastFlag(token, out var last))
            {
                adapted.Add(token);
                continue;
            }

            switch (capabilities.Dialect)
            {
                case BrDialect.LastSegment:
                    adapted.Add($"{LastSegment}={Bool(last)}");
                    break;
                case BrDialect.Last:
                    adapted.Add($"{Last}={Bool(last)}");
                    break;
                case BrDialect.None when last:
                    break; // a single-segment restore: BR without either flag restores the whole range and finalizes
                default:
                    return new BrDialectAdaptation(argv, LacksSegmentedRestore, Remediation(capabilities));
            }
        }

        return new BrDialectAdaptation(adapted);
    }

    /// <summary><c>--last-segment</c>, <c>--last</c> (true) or either with <c>=value</c>, value as Go's ParseBool reads it.</summary>
    public static bool TryReadLastFlag(string token, out bool last)
    {
        ArgumentNullException.ThrowIfNull(token);
        last = true;
        foreach (var flag in (ReadOnlySpan<string>)[LastSegment, Last])
        {
            if (token == flag)
            {
                return true;
            }

            if (token.StartsWith(flag + "=", StringComparison.Ordinal))
            {
                return TryParseGoBool(token[(flag.Length + 1)..], out last);
            }
        }

        return false;
    }

    private static bool TryParseGoBool(string text, out bool value)
    {
        switch (text)
        {
            case "1" or "t" or "T" or "true" or "TRUE" or "True":
                value = true;
                return true;
            case "0" or "f" or "F" or "false" or "FALSE" or "False":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Remediation(BrCapabilities capabilities) =>
        $"spec.br.image: the BR in this image ({capabilities.Version.ReleaseVersion ?? "unknown version"}) has neither " +
        "--last-segment nor --last, so it cannot stop at a segment that is not the last one (it would repair indexes " +
        "and reset TiFlash replicas too early). Set spec.br.image on every segment of the chain to a BR whose " +
        "`br restore point --help` lists --last-segment or --last, or restore in one segment (spec.last: true, no " +
        "spec.previousSegment).";
}
