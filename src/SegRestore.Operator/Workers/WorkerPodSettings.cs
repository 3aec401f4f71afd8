using SegRestore.Operator.Configuration;

namespace SegRestore.Operator.Workers;

/// <summary>The operator-wide part of every worker pod, taken once from <see cref="OperatorOptions"/>.</summary>
public sealed record WorkerPodSettings(
    string WorkerImage,
    string DefaultBrImage,
    string ReporterUrl,
    string ImagePullPolicy,
    int SyncIntervalSeconds,
    int ProgressIntervalSeconds,
    int TerminationGraceSeconds,
    string? ReporterCaSecretName = null)
{
    public static WorkerPodSettings From(OperatorOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new WorkerPodSettings(
            o.WorkerImage,
            o.DefaultBrImage,
            o.ReporterUrl,
            o.ImagePullPolicy,
            o.WorkerSyncIntervalSeconds,
            o.WorkerProgressIntervalSeconds,
            o.WorkerTerminationGraceSeconds,
            o.ReporterCaSecretName);
    }
}
