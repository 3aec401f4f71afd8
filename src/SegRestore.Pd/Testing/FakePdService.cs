using Grpc.Core;
using SegRestore.Pd.Protocol;

namespace SegRestore.Pd.Testing;

/// <summary>The fake PD's Grpc.AspNetCore service: every GetMembers goes to the <see cref="FakePdServer"/> that owns it.</summary>
internal sealed class FakePdService(Func<GetMembersRequest, GetMembersResponse> answer) : PD.PDBase
{
    public override Task<GetMembersResponse> GetMembers(GetMembersRequest request, ServerCallContext context) =>
        Task.FromResult(answer(request));
}
