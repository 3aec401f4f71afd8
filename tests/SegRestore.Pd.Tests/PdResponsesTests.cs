using Google.Protobuf.Reflection;
using SegRestore.Pd.Protocol;

namespace SegRestore.Pd.Tests;

public sealed class PdResponsesTests
{
    private static readonly Uri Address = new("http://pd-0:2379");

    [Fact]
    public void Maps_cluster_id_leader_and_members()
    {
        var pd0 = new Member { Name = "pd-0", MemberId = 11, PeerUrls = { "http://pd-0:2380" }, ClientUrls = { "http://pd-0:2379" } };
        var pd1 = new Member { Name = "pd-1", MemberId = 12 };
        var response = new GetMembersResponse
        {
            Header = new ResponseHeader { ClusterId = ulong.MaxValue - 1 },
            Members = { pd0, pd1 },
            Leader = pd1,
            EtcdLeader = pd0,
        };

        var members = PdResponses.ToMembers(response, Address);

        members.ClusterId.Should().Be(ulong.MaxValue - 1);
        members.Leader!.Name.Should().Be("pd-1");
        members.EtcdLeader!.MemberId.Should().Be(11);
        members.Members.Select(m => m.Name).Should().Equal("pd-0", "pd-1");
        members.Members[0].ClientUrls.Should().Equal("http://pd-0:2379");
        members.AnsweredBy.Should().Be(Address);
    }

    [Theory]
    [InlineData(ErrorType.NotBootstrapped, "NOT_BOOTSTRAPPED")]
    [InlineData(ErrorType.Unknown, "UNKNOWN")]
    [InlineData(ErrorType.IncompatibleVersion, "INCOMPATIBLE_VERSION")]
    [InlineData((ErrorType)99, "ERROR_TYPE_99")]
    public void Header_error_becomes_a_typed_exception_with_the_proto_name(ErrorType type, string name)
    {
        var response = new GetMembersResponse
        {
            Header = new ResponseHeader { ClusterId = 1, Error = new Error { Type = type, Message = "nope" } },
        };

        var map = () => PdResponses.ToMembers(response, Address);

        var error = map.Should().Throw<PdHeaderErrorException>().Which;
        error.ErrorType.Should().Be(name);
        error.PdMessage.Should().Be("nope");
        error.Message.Should().Contain(name).And.Contain("http://pd-0:2379");
    }

    [Fact]
    public void Header_error_of_type_ok_is_not_an_error()
    {
        var response = new GetMembersResponse { Header = new ResponseHeader { ClusterId = 5, Error = new Error { Type = ErrorType.Ok } } };

        PdResponses.ToMembers(response, Address).ClusterId.Should().Be(5);
    }

    [Fact]
    public void Missing_header_or_zero_cluster_id_is_refused()
    {
        var noHeader = () => PdResponses.ToMembers(new GetMembersResponse(), Address);
        var zero = () => PdResponses.ToMembers(new GetMembersResponse { Header = new ResponseHeader() }, Address);

        noHeader.Should().Throw<PdException>().WithMessage("*without a response header*");
        zero.Should().Throw<PdException>().WithMessage("*cluster id 0*");
    }

    public static TheoryData<MessageDescriptor, string, int> WireFields => new()
    {
        { GetMembersRequest.Descriptor, "header", 1 },
        { GetMembersResponse.Descriptor, "header", 1 },
        { GetMembersResponse.Descriptor, "members", 2 },
        { GetMembersResponse.Descriptor, "leader", 3 },
        { GetMembersResponse.Descriptor, "etcd_leader", 4 },
        { RequestHeader.Descriptor, "cluster_id", 1 },
        { RequestHeader.Descriptor, "sender_id", 2 },
        { RequestHeader.Descriptor, "caller_id", 3 },
        { ResponseHeader.Descriptor, "cluster_id", 1 },
        { ResponseHeader.Descriptor, "error", 2 },
        { Error.Descriptor, "type", 1 },
        { Error.Descriptor, "message", 2 },
        { Member.Descriptor, "name", 1 },
        { Member.Descriptor, "member_id", 2 },
        { Member.Descriptor, "peer_urls", 3 },
        { Member.Descriptor, "client_urls", 4 },
    };

    [Theory]
    [MemberData(nameof(WireFields))]
    public void Proto_field_numbers_match_kvproto(MessageDescriptor message, string field, int number)
    {
        message.File.Package.Should().Be("pdpb");
        message.FindFieldByName(field).FieldNumber.Should().Be(number);
    }

    [Fact]
    public void Method_path_is_pdpb_PD_GetMembers() => $"/{PD.Descriptor.FullName}/{PD.Descriptor.FindMethodByName("GetMembers").Name}".Should().Be("/pdpb.PD/GetMembers");
}
