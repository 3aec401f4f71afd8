using Grpc.Core;

namespace SegRestore.Pd;

/// <summary>Why one PD address did not answer.</summary>
public sealed record PdAttemptFailure(Uri Address, StatusCode StatusCode, string Detail)
{
    public override string ToString() => $"{Address}: {StatusCode} ({Detail})";
}
