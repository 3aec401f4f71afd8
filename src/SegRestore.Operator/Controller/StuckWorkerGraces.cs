namespace SegRestore.Operator.Controller;

/// <summary>How long a worker pod may wait in a state the kubelet or scheduler will not leave by itself.</summary>
public sealed record StuckWorkerGraces(TimeSpan ConfigError, TimeSpan ImagePull, TimeSpan Unschedulable)
{
    public static StuckWorkerGraces From(Configuration.OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(
            TimeSpan.FromSeconds(options.WorkerConfigErrorGraceSeconds),
            TimeSpan.FromSeconds(options.WorkerImagePullGraceSeconds),
            TimeSpan.FromSeconds(options.WorkerUnschedulableGraceSeconds));
    }
}
