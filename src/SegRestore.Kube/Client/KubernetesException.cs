using System.Net;
using SegRestore.Kube.Models;

namespace SegRestore.Kube.Client;

/// <summary>
/// The API server refused a request; <see cref="Status"/> is its <c>Status</c> body (KubernetesClient's
/// <c>HttpOperationException</c> with the Status already decoded).
/// </summary>
public sealed class KubernetesException : Exception
{
    public KubernetesException()
        : this(new V1Status { Status = "Failure", Message = "unknown error" })
    {
    }

    public KubernetesException(string message)
        : this(new V1Status { Status = "Failure", Message = message })
    {
    }

    public KubernetesException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = new V1Status { Status = "Failure", Message = message };
    }

    public KubernetesException(V1Status status, string? request = null)
        : base(Describe(status, request))
    {
        Status = status;
    }

    public V1Status Status { get; }

    /// <summary>The HTTP status code (<c>Status.code</c>), 0 when unknown.</summary>
    public int Code => Status.Code ?? 0;

    public HttpStatusCode StatusCode => (HttpStatusCode)Code;

    /// <summary>The machine-readable reason: NotFound, AlreadyExists, Conflict, Invalid, Gone, ...</summary>
    public string? Reason => Status.Reason;

    public bool IsNotFound => Code == 404;

    public bool IsConflict => Code == 409 && Reason != "AlreadyExists";

    public bool IsAlreadyExists => Code == 409 && Reason == "AlreadyExists";

    public bool IsGone => Code == 410;

    private static string Describe(V1Status status, string? request)
    {
        ArgumentNullException.ThrowIfNull(status);
        var prefix = request is null ? "" : $"{request}: ";
        return $"{prefix}{status.Code} {status.Reason}: {status.Message}";
    }
}
