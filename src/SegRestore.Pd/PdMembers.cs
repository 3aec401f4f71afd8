namespace SegRestore.Pd;

/// <summary>
/// The answer of GetMembers: the cluster id (from the response header; a rebuilt cluster has a new one), the leader,
/// and every member. <see cref="AnsweredBy"/> is the address that answered.
/// </summary>
public sealed record PdMembers(
    ulong ClusterId,
    PdMember? Leader,
    PdMember? EtcdLeader,
    IReadOnlyList<PdMember> Members,
    Uri AnsweredBy);
