using SegRestore.Store.Errors;
using SegRestore.Store.Model;

namespace SegRestore.Store.Rules;

/// <summary>Pure, idempotent decisions about segments and their attempts, shared by every backend.</summary>
public static class SegmentRules
{
    public static Change<SegmentRecord> Start(
        ChainRecord chain, IReadOnlyList<SegmentRecord> segments, SegmentStart start, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(segments);
        Validate(start);
        var existing = segments.FirstOrDefault(s => s.Uid == start.Uid);
        if (existing is not null)
        {
            return existing.Start == start
                ? ChangeOf.Unchanged(existing)
                : throw Conflict(chain, $"Segment '{start.Uid}' was recorded as {existing.Start} and is now started as {start}; a started segment cannot change.");
        }

        ChainRules.RequireActive(chain, "start a segment");
        var sameIndex = segments.FirstOrDefault(s => s.Index == start.Index);
        if (start.Replaces is not null)
        {
            return Replace(chain, segments, sameIndex, start, now);
        }

        if (sameIndex is not null)
        {
            throw Conflict(chain, $"Index {start.Index} of chain '{chain.RootUid}' is already taken by segment '{sameIndex.Start.Name}' ({sameIndex.Uid}).");
        }

        var afterLast = segments.FirstOrDefault(s => s.Start.Last && s.Index < start.Index);
        if (afterLast is not null)
        {
            throw Conflict(chain, $"Segment '{start.Name}' (index {start.Index}) follows the last segment '{afterLast.Start.Name}'.");
        }

        return ChangeOf.To(new SegmentRecord(start, SegmentState.Running, [], start.RestoredTs, null, now, now, null));
    }

    /// <summary>
    /// A segment takes the place of one that did not succeed at its index: the chain's last recorded segment, not
    /// the root (a new root is a new chain), started from the same TSO. Whether the target is still where the
    /// replacement starts is the operator's decision (it knows BR's reasons); the ledger keeps the chain's shape.
    /// </summary>
    private static Change<SegmentRecord> Replace(
        ChainRecord chain, IReadOnlyList<SegmentRecord> segments, SegmentRecord? replaced, SegmentStart start, DateTimeOffset now)
    {
        if (replaced is null || replaced.Uid != start.Replaces)
        {
            throw Conflict(chain, $"Segment '{start.Name}' replaces '{start.Replaces}' at index {start.Index}, but " +
                (replaced is null ? "nothing is recorded at that index." : $"that index holds segment '{replaced.Start.Name}' ({replaced.Uid})."));
        }

        var refusal = start.Index == 0
            ? "the first segment cannot be replaced (its uid names the chain): start a new chain"
            : replaced.State == SegmentState.Succeeded
                ? $"'{replaced.Start.Name}' succeeded"
                : replaced.Start.StartTs != start.StartTs
                    ? $"it started from TSO {replaced.Start.StartTs}, the replacement from {start.StartTs}"
                    : segments.Any(s => s.Index > start.Index)
                        ? "segments follow it"
                        : null;
        if (refusal is not null)
        {
            throw Conflict(chain, $"Segment '{start.Name}' cannot replace '{replaced.Start.Name}' at index {start.Index}: {refusal}.");
        }

        var history = (replaced.Replaced ?? [])
            .Append(new ReplacedSegment(replaced.Uid, replaced.Start.Name, replaced.Start.RestoredTs, replaced.Start.Last,
                replaced.Attempts.Count, replaced.Attempts.Count > 0 ? replaced.Attempts[^1].FailureReason : null, now))
            .ToList();
        return ChangeOf.To(new SegmentRecord(start, SegmentState.Running, [], start.RestoredTs, null, now, now, null, history));
    }

    public static Change<SegmentRecord> Attempt(ChainRecord chain, SegmentRecord segment, SegmentAttempt attempt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(attempt);
        if (attempt.Number < 1)
        {
            throw new LedgerValidationException("attempt.number", attempt.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), "attempts are numbered from 1");
        }

        ChainRules.RequireText("attempt.podName", attempt.PodName);
        var existing = segment.Attempts.FirstOrDefault(a => a.Number == attempt.Number);
        if (existing is not null)
        {
            return existing.PodName == attempt.PodName
                ? ChangeOf.Unchanged(segment)
                : throw Conflict(chain, $"Attempt {attempt.Number} of segment '{segment.Start.Name}' ran in pod '{existing.PodName}', not '{attempt.PodName}'.");
        }

        ChainRules.RequireActive(chain, "record an attempt");
        if (segment.State == SegmentState.Succeeded)
        {
            throw Conflict(chain, $"Segment '{segment.Start.Name}' already succeeded; attempt {attempt.Number} cannot start.");
        }

        var expected = segment.Attempts.Count + 1;
        if (attempt.Number != expected)
        {
            throw Conflict(chain, $"Segment '{segment.Start.Name}' expects attempt {expected} next, not {attempt.Number}.");
        }

        var attempts = segment.Attempts
            .Select(a => a.Outcome is null ? a with { Outcome = AttemptOutcome.Superseded, CompletedAt = now } : a)
            .Append(new AttemptRecord(attempt.Number, attempt.PodName, now, null, null, null, null))
            .ToList();
        return ChangeOf.To(segment with { State = SegmentState.Running, Attempts = attempts, UpdatedAt = now });
    }

    public static Change<SegmentRecord> Complete(ChainRecord chain, SegmentRecord segment, SegmentCompletion completion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(completion);
        var attempt = segment.Attempts.FirstOrDefault(a => a.Number == completion.Attempt)
            ?? throw Conflict(chain, $"Segment '{segment.Start.Name}' has no attempt {completion.Attempt} to complete.");
        var outcome = completion.Succeeded ? AttemptOutcome.Succeeded : AttemptOutcome.Failed;
        if (attempt.Outcome is not null)
        {
            return IsSameResult(segment, attempt, completion, outcome)
                ? ChangeOf.Unchanged(segment)
                : throw Conflict(chain, $"Attempt {completion.Attempt} of segment '{segment.Start.Name}' already ended {attempt.Outcome}; a different result cannot be recorded.");
        }

        ChainRules.RequireActive(chain, "complete an attempt");
        var restoredTs = segment.RestoredTs;
        if (completion.Succeeded)
        {
            restoredTs = ResolveRestoredTs(chain, segment, completion);
        }

        var attempts = segment.Attempts
            .Select(a => a.Number == completion.Attempt
                ? a with { Outcome = outcome, FailureReason = completion.FailureReason, Message = completion.Message, CompletedAt = now }
                : a)
            .ToList();
        return ChangeOf.To(segment with
        {
            State = completion.Succeeded ? SegmentState.Succeeded : SegmentState.Failed,
            Attempts = attempts,
            RestoredTs = restoredTs,
            Summary = completion.Succeeded ? completion.Summary : segment.Summary,
            UpdatedAt = now,
            CompletedAt = completion.Succeeded ? now : segment.CompletedAt,
        });
    }

    private static ulong ResolveRestoredTs(ChainRecord chain, SegmentRecord segment, SegmentCompletion completion)
    {
        if (segment.Start.RestoredTs is { } planned)
        {
            return completion.RestoredTs is null || completion.RestoredTs == planned
                ? planned
                : throw Conflict(chain, $"Segment '{segment.Start.Name}' was started to restore to {planned}, but the result reports {completion.RestoredTs}.");
        }

        return completion.RestoredTs
            ?? throw new LedgerValidationException("completion.restoredTs", "<null>", $"the open-ended last segment '{segment.Start.Name}' needs the restored TSO BR reported");
    }

    private static bool IsSameResult(SegmentRecord segment, AttemptRecord attempt, SegmentCompletion completion, AttemptOutcome outcome)
    {
        if (attempt.Outcome != outcome || attempt.FailureReason != completion.FailureReason || attempt.Message != completion.Message)
        {
            return false;
        }

        return outcome != AttemptOutcome.Succeeded
            || (segment.Summary == completion.Summary && (completion.RestoredTs is null || completion.RestoredTs == segment.RestoredTs));
    }

    private static void Validate(SegmentStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        ChainRules.RequireText("segment.uid", start.Uid);
        ChainRules.RequireText("segment.name", start.Name);
        ChainRules.RequireText("segment.specHash", start.SpecHash);
        if (start.Index < 0)
        {
            throw new LedgerValidationException("segment.index", start.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), "indexes start at 0");
        }

        if (start.RestoredTs is { } restored && restored <= start.StartTs)
        {
            throw new LedgerValidationException("segment.restoredTs", restored.ToString(System.Globalization.CultureInfo.InvariantCulture), $"must be greater than startTs {start.StartTs}");
        }

        if (start.RestoredTs is null && !start.Last)
        {
            throw new LedgerValidationException("segment.restoredTs", "<null>", "only the last segment may leave restoredTs open");
        }
    }

    private static LedgerConflictException Conflict(ChainRecord chain, string message) => new(chain.RootUid, message);
}
