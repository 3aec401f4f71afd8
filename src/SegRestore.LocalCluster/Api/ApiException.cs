using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Api;

/// <summary>A request failed; <see cref="Status"/> is the <c>Status</c> object sent to the client.</summary>
public sealed class ApiException : Exception
{
    public ApiException(int code, JsonObject status)
        : base(status["message"]?.GetValue<string>())
    {
        Code = code;
        Status = status;
    }

    public ApiException()
        : this(500, StatusErrors.Build(500, "InternalError", "internal error", null))
    {
    }

    public ApiException(string message)
        : this(500, StatusErrors.Build(500, "InternalError", message, null))
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = 500;
        Status = StatusErrors.Build(500, "InternalError", message, null);
    }

    public int Code { get; }

    public JsonObject Status { get; }

    public string Reason => Status["reason"]?.GetValue<string>() ?? "";
}
