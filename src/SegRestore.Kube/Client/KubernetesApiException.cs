using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace SegRestore.Kube.Client;

/// <summary>
/// The API server refused a request: the official <see cref="HttpOperationException"/> (kept as the inner exception)
/// with the server's <c>Status</c> body decoded into <see cref="Status"/>, and the request named in the message.
/// </summary>
public sealed class KubernetesApiException : Exception
{
    public KubernetesApiException()
        : this(new V1Status { Status = "Failure", Message = "unknown error" })
    {
    }

    public KubernetesApiException(string message)
        : this(new V1Status { Status = "Failure", Message = message })
    {
    }

    public KubernetesApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = new V1Status { Status = "Failure", Message = message };
    }

    public KubernetesApiException(V1Status status, string? request = null, Exception? innerException = null)
        : base(Describe(status, request), innerException)
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

    /// <summary>The official client's failure, with the Status it carries (or one made from the HTTP response).</summary>
    public static KubernetesApiException From(HttpOperationException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var request = exception.Request is { } r ? $"{r.Method} {r.RequestUri?.PathAndQuery}" : null;
        return new KubernetesApiException(StatusOf(exception), request, exception);
    }

    private static V1Status StatusOf(HttpOperationException exception)
    {
        var body = exception.Response?.Content ?? "";
        V1Status? status = null;
        try
        {
            status = body.Length == 0 ? null : KubernetesJson.Deserialize<V1Status>(body);
        }
        catch (JsonException)
        {
            // Not a Status (a proxy's HTML page, say): one is made from the HTTP response below.
        }

        status ??= new V1Status { Status = "Failure" };
        status.Code ??= exception.Response is { } response ? (int)response.StatusCode : null;
        status.Reason ??= exception.Response?.ReasonPhrase;
        status.Message ??= body.Length > 300 ? body[..300] : body;
        return status;
    }

    private static string Describe(V1Status status, string? request)
    {
        ArgumentNullException.ThrowIfNull(status);
        var prefix = request is null ? "" : $"{request}: ";
        return $"{prefix}{status.Code} {status.Reason}: {status.Message}";
    }
}
