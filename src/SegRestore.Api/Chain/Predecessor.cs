using SegRestore.Api.Models;
using SegRestore.Api.Timestamps;

namespace SegRestore.Api.Chain;

/// <summary>The segment a segment follows, from the namespace or, once deleted after success, from the ledger.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Spec">Its spec; null when only the ledger knows it.</param>
/// <param name="Phase">Its phase, corrected by the ledger (a lost status write does not hide a success).</param>
/// <param name="RestoredTs">Its restored TSO: the ledger's, else its status', else its spec's.</param>
/// <param name="Last">Whether it is a last segment.</param>
public sealed record Predecessor(string Name, PointRestoreSegmentSpec? Spec, SegmentPhase? Phase, Tso? RestoredTs, bool Last);
