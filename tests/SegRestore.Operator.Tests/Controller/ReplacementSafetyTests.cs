using SegRestore.Operator.Controller;
using SegRestore.Store.Model;

namespace SegRestore.Operator.Tests.Controller;

public sealed class ReplacementSafetyTests
{
    private static AttemptRecord Attempt(int number, AttemptOutcome? outcome, string? reason) =>
        new(number, $"pod-a{number}", DateTimeOffset.UnixEpoch, outcome, reason, null, null);

    public static TheoryData<string, AttemptRecord[], bool> Cases => new()
    {
        { "no attempt at all", [], false },
        { "BR refused the range before writing", [Attempt(1, AttemptOutcome.Failed, "RangeOutsideLog")], true },
        { "a usage error, then a missing previous state", [Attempt(1, AttemptOutcome.Failed, "BrUsageError"), Attempt(2, AttemptOutcome.Failed, "MissingPreviousState")], true },
        { "the worker never started", [Attempt(1, AttemptOutcome.Failed, "WorkerImageUnavailable")], true },
        { "a transient BR error may have written", [Attempt(1, AttemptOutcome.Failed, "RangeOutsideLog"), Attempt(2, AttemptOutcome.Failed, "BrError")], false },
        { "killed BR", [Attempt(1, AttemptOutcome.Failed, "WorkerLost")], false },
        { "held by the user", [Attempt(1, AttemptOutcome.Failed, "HeldByUser")], false },
        { "still running (deleted while running)", [Attempt(1, null, null)], false },
        { "superseded (pod lost)", [Attempt(1, AttemptOutcome.Superseded, null), Attempt(2, AttemptOutcome.Failed, "RangeOutsideLog")], false },
        { "an unknown reason", [Attempt(1, AttemptOutcome.Failed, "SomethingNew")], false },
        { "a failure without a reason", [Attempt(1, AttemptOutcome.Failed, null)], false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Only_attempts_that_certainly_wrote_nothing_leave_the_target_at_the_start(string name, AttemptRecord[] attempts, bool wroteNothing) =>
        ReplacementSafety.WroteNothing(attempts).Should().Be(wroteNothing, name);
}
