using SegRestore.Grpc;
using SegRestore.Pd.Protocol;

namespace SegRestore.Pd;

/// <summary>Descriptors of the PD methods SegRestore calls.</summary>
public static class PdMethods
{
    public const string ServiceName = "pdpb.PD";

    /// <summary><c>/pdpb.PD/GetMembers</c>.</summary>
    public static readonly Method<GetMembersRequest, GetMembersResponse> GetMembers =
        new(MethodType.Unary, ServiceName, "GetMembers", GetMembersRequest.Parser, GetMembersResponse.Parser);
}
