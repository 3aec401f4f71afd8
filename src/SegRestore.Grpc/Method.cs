using Google.Protobuf;

namespace SegRestore.Grpc;

/// <summary>
/// Describes one RPC: its kind, its full name <c>/package.Service/Method</c>, and the protobuf parsers of its messages.
/// Shaped like Grpc.Core's <c>Method&lt;TRequest, TResponse&gt;</c> with protobuf parsers instead of marshallers.
/// </summary>
public sealed class Method<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public Method(
        MethodType type,
        string serviceName,
        string name,
        MessageParser<TRequest> requestParser,
        MessageParser<TResponse> responseParser)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        Type = type;
        ServiceName = serviceName;
        Name = name;
        RequestParser = requestParser ?? throw new ArgumentNullException(nameof(requestParser));
        ResponseParser = responseParser ?? throw new ArgumentNullException(nameof(responseParser));
        FullName = $"/{serviceName}/{name}";
    }

    public MethodType Type { get; }

    /// <summary>The fully qualified service name, e.g. <c>pdpb.PD</c>.</summary>
    public string ServiceName { get; }

    /// <summary>The method name, e.g. <c>GetMembers</c>.</summary>
    public string Name { get; }

    /// <summary>The HTTP/2 path, e.g. <c>/pdpb.PD/GetMembers</c>.</summary>
    public string FullName { get; }

    public MessageParser<TRequest> RequestParser { get; }

    public MessageParser<TResponse> ResponseParser { get; }
}
