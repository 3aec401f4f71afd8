namespace SegRestore.Operator.TiFlash;

/// <summary>The reasons a TiFlash replica restore over SQL reports, as a condition or event shows them.</summary>
public static class TiFlashSqlReasons
{
    /// <summary>Every replica that could be named is set and reads back as recorded.</summary>
    public const string Restored = "Restored";

    /// <summary>TiDB refused the login (MySQL 1045): wrong user or password. Not retried.</summary>
    public const string SqlAccessDenied = "SqlAccessDenied";

    /// <summary>The user lacks a privilege (1142, 1227, 1044): it needs ALTER on the tables. Not retried.</summary>
    public const string SqlPermissionDenied = "SqlPermissionDenied";

    /// <summary>TiDB has fewer TiFlash servers up than the replica count asks for (yet). Retried.</summary>
    public const string TiFlashNotReady = "TiFlashNotReady";

    /// <summary>TiDB's SQL port could not be reached. Retried.</summary>
    public const string SqlUnreachable = "SqlUnreachable";

    /// <summary>Connecting or a statement took longer than its timeout. Retried.</summary>
    public const string SqlTimeout = "SqlTimeout";

    /// <summary>TLS to TiDB failed: its certificate is not signed by the given CA, or a client certificate was refused. Not retried.</summary>
    public const string SqlTlsFailed = "SqlTlsFailed";

    /// <summary>Any other SQL error. Not retried.</summary>
    public const string SqlFailed = "SqlFailed";

    /// <summary>An <c>ALTER</c> succeeded but TiDB does not show the replica yet. Retried.</summary>
    public const string ReplicasNotVisible = "ReplicasNotVisible";

    /// <summary>TiDB shows a replica count or location labels other than recorded (changed by someone else?). Not retried.</summary>
    public const string ReplicasDiffer = "ReplicasDiffer";
}
