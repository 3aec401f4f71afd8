using k8s;
using k8s.Models;
using SegRestore.Api.Serialization;

namespace SegRestore.Api.Conditions;

/// <summary>
/// metav1.Condition rules as pure functions: lastTransitionTime moves only when the status changes, and every
/// write records the generation it describes. The clock is a parameter.
/// </summary>
public static class StatusConditions
{
    /// <summary>
    /// Returns a new list (the input is not modified) where condition <paramref name="type"/> has the given values;
    /// other conditions keep their order, a new one is appended.
    /// </summary>
    public static List<V1Condition> Set(
        IEnumerable<V1Condition>? current,
        string type,
        string status,
        string reason,
        string message,
        long? observedGeneration,
        DateTime now)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(status);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        var result = (current ?? []).Select(Copy).ToList();
        var index = result.FindIndex(condition => condition.Type == type);
        var previous = index >= 0 ? result[index] : null;
        var updated = new V1Condition
        {
            Type = type,
            Status = status,
            Reason = reason,
            Message = message,
            ObservedGeneration = observedGeneration,
            LastTransitionTime = previous is not null && previous.Status == status
                ? previous.LastTransitionTime
                : TimeJsonConverter.TruncateToSeconds(now),
        };
        if (index >= 0)
        {
            result[index] = updated;
        }
        else
        {
            result.Add(updated);
        }

        return result;
    }

    /// <summary>The condition of a type, or null.</summary>
    public static V1Condition? Find(IEnumerable<V1Condition>? conditions, string type) =>
        conditions?.FirstOrDefault(condition => condition.Type == type);

    /// <summary>True when the condition exists with status True.</summary>
    public static bool IsTrue(IEnumerable<V1Condition>? conditions, string type) =>
        Find(conditions, type)?.Status == Models.ConditionStatus.True;

    private static V1Condition Copy(V1Condition condition) => new()
    {
        Type = condition.Type,
        Status = condition.Status,
        Reason = condition.Reason,
        Message = condition.Message,
        ObservedGeneration = condition.ObservedGeneration,
        LastTransitionTime = condition.LastTransitionTime,
    };
}
