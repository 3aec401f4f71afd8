using SegRestore.Api.Timestamps;

namespace SegRestore.Api.Chain;

/// <summary>The ledger's record of one started segment (it survives the resource's deletion).</summary>
/// <param name="Name">The segment's name when it started.</param>
/// <param name="Uid">Its uid.</param>
/// <param name="Index">Its position in the chain.</param>
/// <param name="StartTs">Its resolved start TSO (absent for index 0).</param>
/// <param name="RestoredTs">Its restored TSO (for an open-ended last segment, once BR reported it).</param>
/// <param name="Last">Whether it was the last segment.</param>
/// <param name="Succeeded">Whether it succeeded.</param>
/// <param name="SpecHash">The <see cref="SpecFingerprint"/> recorded when it started.</param>
/// <param name="WroteNothing">Whether every attempt it had ended before BR wrote anything into the target (BR's
/// checks refused it, or no worker started), so the target is still where it started.</param>
/// <param name="ReplacedUids">The uids of the segments it took the place of at its index.</param>
public sealed record LedgerSegment(
    string Name,
    string Uid,
    int Index,
    Tso? StartTs,
    Tso? RestoredTs,
    bool Last,
    bool Succeeded,
    string? SpecHash,
    bool WroteNothing = false,
    IReadOnlyList<string>? ReplacedUids = null);
