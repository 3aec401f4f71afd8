namespace SegRestore.Api.Chain;

/// <summary>
/// The result of following spec.previousSegment from a segment towards its root. Exactly one of these holds:
/// a <see cref="Cycle"/> was found; a <see cref="MissingName"/> was not found; or the walk reached the root
/// (<see cref="Position"/> is set), possibly through a ledger record of an ancestor that was deleted after success.
/// </summary>
public sealed record ChainWalk(
    IReadOnlyList<ChainMember> Path,
    ChainPosition? Position,
    Predecessor? Previous,
    string? MissingName,
    IReadOnlyList<string>? Cycle)
{
    /// <summary>Follows the links from <paramref name="self"/> (Path[0]) through <paramref name="view"/>.</summary>
    public static ChainWalk From(ChainMember self, ChainView view)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(view);
        var path = new List<ChainMember> { self };
        var seen = new List<string> { self.Name };
        LedgerSegment? anchor = null;
        string? missing = null;
        while (path[^1].Spec.PreviousSegment is { Length: > 0 } previousName)
        {
            if (seen.Contains(previousName, StringComparer.Ordinal))
            {
                var loop = seen.SkipWhile(name => name != previousName).Append(previousName).ToList();
                return new ChainWalk(path, null, null, null, loop);
            }

            var member = view.Segments.FirstOrDefault(segment => segment.Name == previousName && segment.Name != self.Name);
            if (member is not null)
            {
                path.Add(member);
                seen.Add(previousName);
                continue;
            }

            anchor = view.Ledger?.Segments.FirstOrDefault(segment => segment.Name == previousName && segment.Succeeded);
            missing = anchor is null ? previousName : null;
            break;
        }

        var previous = path.Count > 1 ? Describe(path[1], view.Ledger) : anchor is not null && path.Count == 1 ? Describe(anchor) : null;
        if (missing is not null)
        {
            return new ChainWalk(path, null, previous, missing, null);
        }

        var position = anchor is not null && view.Ledger is { } ledger
            ? new ChainPosition(anchor.Index + path.Count, ledger.RootName, ledger.RootUid)
            : new ChainPosition(path.Count - 1, path[^1].Name, path[^1].Uid);
        return new ChainWalk(path, position, previous, null, null);
    }

    /// <summary>The ledger's record of a member (by uid when both have one, else by name), or null.</summary>
    public static LedgerSegment? FindInLedger(LedgerChain? ledger, ChainMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return ledger?.Segments.FirstOrDefault(segment =>
            member.Uid is not null ? segment.Uid == member.Uid : segment.Name == member.Name);
    }

    private static Predecessor Describe(ChainMember member, LedgerChain? ledger)
    {
        var recorded = FindInLedger(ledger, member);
        var phase = recorded is { Succeeded: true } ? Models.SegmentPhase.Succeeded : member.Phase;
        var restored = recorded?.RestoredTs ?? member.RestoredTs ?? SegmentSpecRules.ParseOptional(member.Spec.RestoredTs);
        return new Predecessor(member.Name, member.Spec, phase, restored, member.Spec.Last);
    }

    private static Predecessor Describe(LedgerSegment recorded) =>
        new(recorded.Name, null, Models.SegmentPhase.Succeeded, recorded.RestoredTs, recorded.Last);
}
