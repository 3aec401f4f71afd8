using SegRestore.Reporter.Contract.Protos;

namespace SegRestore.Reporter.Contract;

/// <summary>
/// A reporter request that names the attempt it is about (for a stream, its first message does): what the server
/// checks the bearer token against before the call does anything. The generated messages opt in in
/// <c>AttemptScopedMessages.cs</c>.
/// </summary>
public interface IAttemptScoped
{
    AttemptRef Attempt { get; }
}
