using SegRestore.Api.Models;
using SegRestore.Br.Arguments;

namespace SegRestore.Operator.Workers;

/// <summary>Everything one attempt's worker pod is built from. <see cref="TokenSha256Hex"/> is the hash of the
/// attempt token (the token itself only lives in the Secret named by <see cref="TokenSecretName"/>).
/// <see cref="KnownBrCapabilities"/> is the capability hint (<see cref="BrCapabilityReuse"/>), or null to probe.
/// <see cref="CheckpointClaim"/> names the chain's checkpoint claim (Managed mode), or null for an emptyDir.</summary>
public sealed record WorkerPodRequest(
    PointRestoreSegment Segment,
    string RootUid,
    int Index,
    int Attempt,
    BrCommand Command,
    CheckpointMode CheckpointMode,
    string TokenSecretName,
    string TokenSha256Hex,
    WorkerPodSettings Settings,
    string? KnownBrCapabilities = null,
    string? CheckpointClaim = null);
