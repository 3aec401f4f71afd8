namespace SegRestore.Api.Labels;

/// <summary>
/// Labels, annotations and the finalizer SegRestore puts on the objects it owns or manages. Label values are at most
/// 63 characters, so segments are named by uid (36) in labels, never by name (up to 253).
/// </summary>
public static class SegRestoreLabels
{
    /// <summary>The chain's identity: the root segment's uid (on segments and on worker pods).</summary>
    public const string Chain = "segrestore.io/chain";

    /// <summary>The segment's position in its chain, 0 for the root.</summary>
    public const string Index = "segrestore.io/index";

    /// <summary>The uid of the segment a worker pod, token Secret or ConfigMap belongs to.</summary>
    public const string SegmentUid = "segrestore.io/segment-uid";

    /// <summary>The attempt number (1-based) a worker pod or token Secret belongs to.</summary>
    public const string Attempt = "segrestore.io/attempt";

    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "segrestore";
    public const string Component = "app.kubernetes.io/component";
    public const string WorkerComponent = "worker";

    /// <summary>Annotation on a worker pod: lowercase hex SHA-256 of its attempt token, so that an operator restarted
    /// while the pod runs can re-grant the attempt without reading the token (a hash cannot be presented).</summary>
    public const string TokenSha256Annotation = "segrestore.io/token-sha256";

    /// <summary>Annotation on a chain's root segment: "true" abandons the chain (stops it, releases the cluster,
    /// marks the ledger record abandoned).</summary>
    public const string AbandonAnnotation = "segrestore.io/abandon";

    /// <summary>Annotation on a segment: "N" lets attempt N start although the attempt before it failed for a reason
    /// retrying does not fix (or used up spec.retry.maxAttempts) — set it once the cause is fixed.</summary>
    public const string RetryAnnotation = "segrestore.io/retry";

    /// <summary>The finalizer on every segment the operator has seen.</summary>
    public const string Finalizer = "segrestore.io/finalizer";

    /// <summary>Label of the ConfigMaps that keep an attempt's worker log (value "true"); the key of its text.</summary>
    public const string AttemptLog = "segrestore.io/attempt-log";

    public const string AttemptLogKey = "worker.log";

    /// <summary>Key of the attempt token in the attempt's Secret.</summary>
    public const string TokenSecretKey = "token";
}
