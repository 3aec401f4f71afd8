namespace SegRestore.Grpc.Client;

/// <summary>What every call object exposes besides its messages.</summary>
internal interface ICallState : IDisposable
{
    Task<Metadata> ResponseHeadersAsync { get; }

    Status GetStatus();

    Metadata GetTrailers();
}
