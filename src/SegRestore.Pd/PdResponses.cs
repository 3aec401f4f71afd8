using SegRestore.Pd.Protocol;

namespace SegRestore.Pd;

/// <summary>Turns a GetMembers response into <see cref="PdMembers"/>, or into the error it carries.</summary>
public static class PdResponses
{
    private static readonly Google.Protobuf.Reflection.EnumDescriptor ErrorTypeDescriptor =
        PdpbReflection.Descriptor.EnumTypes.Single(e => e.Name == nameof(ErrorType));

    public static PdMembers ToMembers(GetMembersResponse response, Uri address)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(address);
        var header = response.Header
            ?? throw new PdException($"PD at {address} answered GetMembers without a response header; is it a PD server?");
        if (header.Error is { } error && error.Type != ErrorType.Ok)
        {
            throw new PdHeaderErrorException(ErrorTypeName(error.Type), error.Message, address);
        }

        if (header.ClusterId == 0)
        {
            throw new PdException($"PD at {address} reported cluster id 0; the cluster is not bootstrapped yet.");
        }

        return new PdMembers(
            header.ClusterId,
            ToMember(response.Leader),
            ToMember(response.EtcdLeader),
            response.Members.Select(m => ToMember(m)!).ToList(),
            address);
    }

    /// <summary>The proto name (<c>NOT_BOOTSTRAPPED</c>), also for values newer than this file knows.</summary>
    public static string ErrorTypeName(ErrorType type) =>
        ErrorTypeDescriptor.FindValueByNumber((int)type)?.Name ?? $"ERROR_TYPE_{(int)type}";

    private static PdMember? ToMember(Member? member) =>
        member is null ? null : new PdMember(member.Name, member.MemberId, member.PeerUrls.ToList(), member.ClientUrls.ToList());
}
