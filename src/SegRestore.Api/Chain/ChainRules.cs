using SegRestore.Api.Models;
using SegRestore.Api.Timestamps;

namespace SegRestore.Api.Chain;

/// <summary>
/// The chain rules: may this segment run now, and if not, the one reason why. Pure; the order of the checks is
/// docs/chain-rules.md's: a changed spec, the spec on its own, the chain's shape, agreement with the predecessor
/// and the root (all Invalid), then Failed facts, then Waiting, then Ready.
/// </summary>
public static class ChainRules
{
    public static ChainEvaluation Evaluate(ChainMember self, ChainView view)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(view);
        var recorded = ChainWalk.FindInLedger(view.Ledger, self);
        if (SpecFingerprint.CheckUnchanged(self.Name, self.Spec, recorded?.SpecHash) is { } changed)
        {
            return ChainEvaluation.Of(changed, new ChainPosition(recorded!.Index, view.Ledger!.RootName, view.Ledger.RootUid));
        }

        if (SegmentSpecRules.Check(self.Spec) is { } specViolation)
        {
            return ChainEvaluation.Of(specViolation);
        }

        var notStarted = !self.HasStarted && recorded is null;
        if (notStarted && RestorePointTime.Check(self.Spec, view.Runtime?.Now) is { } future && future.Outcome == ChainOutcome.Invalid)
        {
            return ChainEvaluation.Of(future);
        }

        var walk = ChainWalk.From(self, view);
        if (walk.Cycle is { } cycle)
        {
            return ChainEvaluation.Of(new(ChainReason.ChainCycle, $"spec.previousSegment: \"{self.Spec.PreviousSegment}\" " +
                $"leads into a loop ({string.Join(" -> ", cycle)}); a chain needs a first segment without " +
                "spec.previousSegment: remove the link that closes the loop"));
        }

        var position = walk.Position;
        var fork = CheckFork(self, view, position, started: self.HasStarted || recorded is not null, out var replaces);
        var agreement = CheckPredecessorAgreement(self, view, walk, out var startTs);
        var violation = fork
            ?? agreement
            ?? CheckRuntime(self, view, position)
            ?? CheckWaiting(self, view, walk)
            ?? (notStarted ? RestorePointTime.Check(self.Spec, view.Runtime?.Now) : null);
        if (violation is not null)
        {
            return ChainEvaluation.Of(violation, position);
        }

        return new ChainEvaluation
        {
            Outcome = ChainOutcome.Ready,
            Message = $"{self.Name} is segment {position!.Index} of chain {position.RootName} and may run" +
                (replaces is null ? "" : $" in place of {replaces.Name}, which did not succeed"),
            Index = position.Index,
            RootName = position.RootName,
            RootUid = position.RootUid,
            StartTs = startTs,
            RestoredTs = SegmentSpecRules.ParseOptional(self.Spec.RestoredTs),
            Last = self.Spec.Last,
            ReplacesUid = replaces?.Uid,
        };
    }

    /// <summary>
    /// One segment per index. A claimant that failed no longer holds its index (an Invalid one still does: ChainFork
    /// is itself Invalid, and two forked claimants must not decide by who was marked first), and a ledger record at
    /// the index that did not succeed (its resource failed or was deleted) is taken over: this segment replaces it
    /// when it restores the same range (BR's checkpoint carries on) or when BR wrote nothing in that segment's
    /// attempts (the target is still at the predecessor's TSO). The root is never replaced: its uid names the chain.
    /// </summary>
    private static ChainViolation? CheckFork(ChainMember self, ChainView view, ChainPosition? position, bool started, out LedgerSegment? replaces)
    {
        replaces = null;
        if (started || string.IsNullOrEmpty(self.Spec.PreviousSegment))
        {
            return null;
        }

        var rivals = view.Segments
            .Where(other => other.Name != self.Name && other.Spec.PreviousSegment == self.Spec.PreviousSegment)
            .Where(other => other.Phase != SegmentPhase.Failed)
            .Select(other => other.Name)
            .ToList();
        var recordedRival = position is null
            ? null
            : view.Ledger?.Segments.FirstOrDefault(segment => segment.Index == position.Index && !ChainWalk.IsRecordOf(segment, self));
        if (recordedRival is not null && !rivals.Contains(recordedRival.Name))
        {
            if (recordedRival.Succeeded || recordedRival.Index == 0)
            {
                rivals.Add($"{recordedRival.Name} (which the chain's ledger records at index {recordedRival.Index})");
            }
            else if (rivals.Count == 0)
            {
                if (!SameRange(self.Spec, recordedRival) && !recordedRival.WroteNothing)
                {
                    return ReplacementUnsafe(self, recordedRival);
                }

                replaces = recordedRival;
            }
        }

        return rivals.Count == 0
            ? null
            : new(ChainReason.ChainFork, $"spec.previousSegment: \"{self.Spec.PreviousSegment}\" is also the previous " +
                $"segment of {string.Join(", ", rivals)}; a chain cannot fork: delete the extra segment or point " +
                "its spec.previousSegment at the segment it should follow");
    }

    private static bool SameRange(PointRestoreSegmentSpec spec, LedgerSegment recorded) =>
        spec.Last == recorded.Last && SegmentSpecRules.ParseOptional(spec.RestoredTs) == recorded.RestoredTs;

    private static ChainViolation ReplacementUnsafe(ChainMember self, LedgerSegment recorded)
    {
        var to = recorded.RestoredTs is { } ts ? $"spec.restoredTs: \"{ts.Value}\"" : "no spec.restoredTs";
        return new(ChainReason.ReplacementUnsafe, $"spec.previousSegment: \"{self.Spec.PreviousSegment}\" is also the previous " +
            $"segment of {recorded.Name}, which the chain's ledger records at index {recorded.Index}; it did not succeed, but BR may " +
            $"have begun writing its range into the target, so only a segment with the same range can take its place: delete " +
            $"{self.Name} and re-create it with {to} and spec.last: {(recorded.Last ? "true" : "false")} (BR's checkpoint then " +
            "finishes that range; a later segment can go further), or abandon the chain");
    }

    private static ChainViolation? CheckPredecessorAgreement(ChainMember self, ChainView view, ChainWalk walk, out Tso? startTs)
    {
        startTs = null;
        var previous = walk.Previous;
        if (previous is { Last: true })
        {
            return new(ChainReason.SegmentAfterLast, $"spec.previousSegment: \"{previous.Name}\" has spec.last: true, " +
                $"so nothing may follow it; set spec.last: false on {previous.Name} before it runs, or start a new chain");
        }

        if (view.Ledger is { } ledger && (ledger.Finalized || ledger.Abandoned) && ChainWalk.FindInLedger(ledger, self) is null)
        {
            return new(ChainReason.ChainFinalized, $"spec.previousSegment: \"{self.Spec.PreviousSegment}\" belongs to chain " +
                $"{ledger.RootName}, which is {(ledger.Finalized ? "finalized (its last segment ran)" : "abandoned")}; " +
                "no segment may join it: start a new chain with a first segment that has spec.fullBackup");
        }

        if (walk.Position is { Index: > 0 } position)
        {
            var root = walk.Path[^1] is { Spec.PreviousSegment: null or "" } rootMember
                ? ChainSettings.OfRoot(rootMember.Spec, rootMember.Namespace)
                : view.Ledger?.Settings;
            if (root is not null && ChainSettingsRules.Check(self.Spec, root, position.RootName, self.Namespace) is { } mismatch)
            {
                return mismatch;
            }
        }

        var explicitStart = SegmentSpecRules.ParseOptional(self.Spec.StartTs);
        startTs = previous?.RestoredTs ?? explicitStart;
        if (explicitStart is { } start && previous?.RestoredTs is { } expected && start != expected)
        {
            return new(ChainReason.StartTsMismatch, $"spec.startTs: \"{self.Spec.StartTs}\" (TSO {start}) differs from " +
                $"the restored TSO {expected} of the previous segment {previous.Name}; BR continues exactly where the " +
                "previous segment stopped: remove spec.startTs (it defaults to that TSO) or set it to " + expected);
        }

        var restored = SegmentSpecRules.ParseOptional(self.Spec.RestoredTs);
        return startTs is { } from && restored is { } to && to <= from
            ? new(ChainReason.NotIncreasing, $"spec.restoredTs: \"{self.Spec.RestoredTs}\" (TSO {to}) is not after this " +
                $"segment's start, TSO {from} ({from.ToTime():yyyy-MM-ddTHH:mm:ss.fffZ}, the restored TSO of " +
                $"{previous?.Name ?? "spec.startTs"}); set a later spec.restoredTs")
            : null;
    }

    private static ChainViolation? CheckRuntime(ChainMember self, ChainView view, ChainPosition? position)
    {
        var runtime = view.Runtime;
        if (view.Ledger?.PdClusterId is { } bound && runtime?.ObservedPdClusterId is { } observed && bound != observed)
        {
            return new(ChainReason.ClusterChanged, $"{ClusterTarget.FieldOf(self.Spec.Cluster)}: {ClusterTarget.Describe(self.Spec.Cluster, self.Namespace)} now reports PD cluster " +
                $"id {observed}, but chain {view.Ledger.RootName} was bound to cluster id {bound} at its first segment: the " +
                "cluster was rebuilt and the restored data is gone; start a new chain from the full backup");
        }

        var segmented = !string.IsNullOrEmpty(self.Spec.PreviousSegment) || !self.Spec.Last || position is { Index: > 0 };
        return runtime?.BrCapability == BrDialect.None && segmented
            ? new(ChainReason.BrLacksSegmentedRestore, $"spec.br.image: \"{self.Spec.Br?.Image}\" has a BR with neither " +
                "--last-segment nor --last, so it cannot restore a chain of several segments; use a BR image that " +
                "supports segmented restore, or restore in one segment (spec.last: true, no spec.previousSegment)")
            : null;
    }

    private static ChainViolation? CheckWaiting(ChainMember self, ChainView view, ChainWalk walk)
    {
        if (walk.MissingName is { } missing)
        {
            return new(ChainReason.PreviousNotFound, $"spec.previousSegment: segment \"{missing}\" does not exist in this " +
                $"namespace (yet){(missing == self.Spec.PreviousSegment ? "" : $" (it is an earlier segment of {self.Name}'s chain)")}; " +
                "waiting for it to be created: apply it, or fix the name");
        }

        var previous = walk.Previous;
        if (previous is { Phase: SegmentPhase.Failed or SegmentPhase.Invalid })
        {
            return new(ChainReason.PredecessorFailed, $"spec.previousSegment: \"{previous.Name}\" is {previous.Phase}; " +
                $"this segment waits until {previous.Name} is fixed and succeeds");
        }

        if (previous is not null && previous.Phase != SegmentPhase.Succeeded)
        {
            // The message does not name the predecessor's phase: it would change (and be rewritten into this status)
            // with every step of the predecessor; its own status says where it is.
            return new(ChainReason.PredecessorIncomplete, $"spec.previousSegment: \"{previous.Name}\" has not " +
                "Succeeded yet; this segment starts when it succeeds");
        }

        if (self.Spec.Hold && self.Phase != SegmentPhase.Running)
        {
            return new(ChainReason.Held, "spec.hold is true; set spec.hold: false to let this segment start");
        }

        var holder = view.Runtime?.LeaseHolderChain;
        return holder is not null && walk.Position is { } position && holder != position.ChainIdentity
            ? new(ChainReason.ClusterBusy, $"{ClusterTarget.FieldOf(self.Spec.Cluster)}: {ClusterTarget.Describe(self.Spec.Cluster, self.Namespace)} is being restored by another " +
                $"chain ({holder}); one chain runs per cluster at a time: this segment starts when that chain finishes")
            : null;
    }
}
