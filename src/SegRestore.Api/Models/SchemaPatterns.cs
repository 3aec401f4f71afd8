namespace SegRestore.Api.Models;

/// <summary>Regular expressions shared by the C# model and the generated CRD schema.</summary>
public static class SchemaPatterns
{
    /// <summary>A Kubernetes object name (DNS subdomain, RFC 1123).</summary>
    public const string ObjectName = "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$";

    /// <summary>A Service name (DNS label, RFC 1035): what a TidbCluster's name and namespace become in
    /// tidb-operator's Service names.</summary>
    public const string ServiceName = "^[a-z]([-a-z0-9]*[a-z0-9])?$";

    /// <summary>Longest TidbCluster name whose derived Service names (<c>&lt;name&gt;-discovery</c> is tidb-operator's
    /// longest suffix) stay DNS labels of at most 63 characters.</summary>
    public const int TidbClusterNameMaxLength = 53;

    /// <summary>An environment variable name as the API server accepts it (IsEnvVarName: a C identifier, or letters,
    /// digits, '-', '.', '_' not starting with a digit).</summary>
    public const string EnvVarName = "^[-._a-zA-Z][-._a-zA-Z0-9]*$";

    /// <summary>
    /// A TSO or a timestamp with a zone; empty is allowed (an open-ended last segment). The exact checks (calendar,
    /// ranges) are <see cref="Timestamps.TimestampParser"/>'s; this pattern only gives kubectl users early feedback.
    /// </summary>
    public const string Timestamp =
        "^$|^[0-9]{1,20}$|^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:?[0-9]{2})$";

    /// <summary>The message of the CRD rule that repeats <see cref="Timestamp"/>: what is wrong and how to fix it.</summary>
    public const string TimestampMessage =
        "must be a TSO (e.g. 463736294698909699) or an RFC 3339 timestamp with a zone, e.g. 2026-12-03T10:00:00Z: " +
        "add a zone (Z or +01:00)";

    /// <summary>Longer than any TSO or timestamp <see cref="Timestamp"/> accepts; bounds the CEL rule's cost.</summary>
    public const int TimestampMaxLength = 64;

    /// <summary>A backup storage URL of a scheme BR understands.</summary>
    public const string StorageUrl = "^(s3|gcs|gs|azure|azblob|local|file)://.+$";

    /// <summary>A decimal unsigned 64-bit number (TSOs and cluster ids are strings: JSON numbers lose precision).</summary>
    public const string DecimalNumber = "^[0-9]{1,20}$";

    /// <summary>A Kubernetes resource quantity (as in k8s.io/apimachinery's Quantity).</summary>
    public const string Quantity =
        "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";
}
