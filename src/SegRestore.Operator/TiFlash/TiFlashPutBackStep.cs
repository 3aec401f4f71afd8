using SegRestore.Kube.Events;
using SegRestore.Operator.Controller;

namespace SegRestore.Operator.TiFlash;

/// <summary>
/// What the last segment does after one attempt to put TiFlash replicas back over SQL: the condition to show, when to
/// try again (null: done, the chain may finalize), and the Event to record (null: none, so retries do not repeat it).
/// </summary>
public sealed record TiFlashPutBackStep(FinalizationCondition Condition, TimeSpan? RetryAfter, EventType? Event);
