using SegRestore.Api.Models;
using SegRestore.Br.Errors;
using SegRestore.Store.Model;

namespace SegRestore.Operator.Controller;

/// <summary>
/// Retries, pure: which failures are permanent, which attempts count against spec.retry.maxAttempts, and when the
/// next attempt may start (exponential backoff from spec.retry.backoffSeconds, capped at 10 minutes).
/// </summary>
public static class AttemptPolicy
{
    /// <summary>The worker pod vanished before reporting (deleted by someone else, evicted).</summary>
    public const string PodDeleted = "PodDeleted";

    /// <summary>The worker pod ended without a result reaching the operator.</summary>
    public const string WorkerLost = "WorkerLost";

    /// <summary>The user set spec.hold: true while the attempt ran: its worker was stopped (BR keeps its checkpoint).</summary>
    public const string HeldByUser = "HeldByUser";

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(10);

    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        nameof(BrFailureReason.BrError), PodDeleted, WorkerLost, HeldByUser,
    };

    /// <summary>BR's classified errors (and a BR without segmented restore) do not go away by retrying.</summary>
    public static bool IsPermanent(string? reason) => reason is { Length: > 0 } && !Transient.Contains(reason);

    /// <summary>Failed attempts that count: a pod deleted by someone else, or stopped by a hold, starts a new attempt
    /// without using one up.</summary>
    public static int CountedFailures(IEnumerable<AttemptRecord> attempts) =>
        attempts.Count(a => a.Outcome is AttemptOutcome.Failed or AttemptOutcome.Superseded && a.FailureReason is not (PodDeleted or HeldByUser));

    /// <summary>Delay before attempt number <paramref name="failures"/> + 1: backoff * 2^(failures-1), capped.</summary>
    public static TimeSpan Backoff(RetrySpec? retry, int failures)
    {
        if (failures <= 0)
        {
            return TimeSpan.Zero;
        }

        var seconds = retry?.BackoffSeconds ?? RetrySpec.DefaultBackoffSeconds;
        var scaled = seconds * Math.Pow(2, Math.Min(failures - 1, 20));
        return TimeSpan.FromSeconds(Math.Min(scaled, MaxBackoff.TotalSeconds));
    }

    /// <summary>
    /// Whether the user's <c>segrestore.io/retry</c> annotation lets attempt <paramref name="nextAttempt"/> start after a
    /// permanent failure or after spec.retry.maxAttempts ran out. Stateless: the value names the attempt it allows, so
    /// the ledger's attempt count makes it single-use.
    /// </summary>
    public static bool RetryAuthorized(string? annotation, int nextAttempt) =>
        int.TryParse(annotation, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var allowed)
        && allowed >= nextAttempt;

    public static int MaxAttempts(RetrySpec? retry) => retry?.MaxAttempts ?? RetrySpec.DefaultMaxAttempts;
}
