using System.Globalization;
using SegRestore.Api.Models;
using SegRestore.Kube.Events;
using SegRestore.Operator.Controller;

namespace SegRestore.Operator.TiFlash;

/// <summary>
/// Pure: from one attempt's result, how many attempts were made and when the first was, the condition, the retry and
/// the Event. Retryable failures are tried again on <see cref="TiFlashRetrySchedule"/> until its deadline; then, and
/// for every other failure, the statements stay in the ConfigMap for a DBA, as without spec.cluster.sql.
/// </summary>
public static class TiFlashPutBackDecision
{
    /// <summary>The condition's reason once the operator has put every replica back.</summary>
    public const string RestoredByOperator = "RestoredByOperator";

    public static TiFlashPutBackStep Decide(
        TiFlashRestoreResult result, int attempt, DateTimeOffset firstAttempt, DateTimeOffset now, string configMap, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Restored && result.Unapplied.Count == 0)
        {
            return new(new(ConditionTypes.TiFlashReplicasRestored, ConditionStatus.True, RestoredByOperator,
                $"BR could not put the TiFlash replicas back; the operator did over SQL: {Count(result.Applied)} applied and read back " +
                "through information_schema.tiflash_replica"), null, EventType.Normal);
        }

        if (result.Restored)
        {
            return new(new(ConditionTypes.TiFlashReplicasRestored, ConditionStatus.False, "PartlyRestored",
                $"the operator put {Count(result.Applied)} back over SQL, but BR's state does not name the table of " +
                $"{Count(result.Unapplied.Count)}: {Remedy(configMap, @namespace)}"), null, EventType.Warning);
        }

        if (result.Retryable && !TiFlashRetrySchedule.ShouldGiveUp(firstAttempt, now))
        {
            var delay = TiFlashRetrySchedule.NextDelay(attempt);
            var giveUp = firstAttempt + TiFlashRetrySchedule.Deadline;
            return new(new(ConditionTypes.TiFlashReplicasRestored, ConditionStatus.False, result.Reason,
                $"{result.Message}; attempt {attempt.ToString(CultureInfo.InvariantCulture)}, trying again in " +
                $"{delay.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s, until {giveUp.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}; " +
                "the chain finalizes when the replicas are back or the operator gives up"),
                delay, attempt == 1 ? EventType.Warning : null);
        }

        var why = result.Retryable
            ? $"{result.Message}; the operator gave up after {attempt.ToString(CultureInfo.InvariantCulture)} attempts in " +
              $"{TiFlashRetrySchedule.Deadline.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)} min"
            : result.Message;
        return new(new(ConditionTypes.TiFlashReplicasRestored, ConditionStatus.False, result.Reason,
            $"{why}; {Remedy(configMap, @namespace)}"), null, EventType.Warning);
    }

    /// <summary>The ConfigMap path, as the condition of a chain without spec.cluster.sql says it.</summary>
    public static string Remedy(string configMap, string @namespace) =>
        $"run the statements in ConfigMap {configMap} (key {Controller.AttemptLauncher.TiFlashSqlKey}) against the cluster, " +
        $"e.g. kubectl get configmap {configMap} -n {@namespace} -o jsonpath='{{.data.tiflash-replicas\\.sql}}' | mysql ...";

    private static string Count(int replicas) =>
        replicas == 1 ? "1 replica" : replicas.ToString(CultureInfo.InvariantCulture) + " replicas";
}
