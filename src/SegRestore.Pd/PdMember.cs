namespace SegRestore.Pd;

/// <summary>One PD member as GetMembers reports it.</summary>
public sealed record PdMember(string Name, ulong MemberId, IReadOnlyList<string> PeerUrls, IReadOnlyList<string> ClientUrls);
