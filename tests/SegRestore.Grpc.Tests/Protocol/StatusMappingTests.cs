using System.Net;
using SegRestore.Grpc.Client;
using SegRestore.Grpc.Protocol;

namespace SegRestore.Grpc.Tests.Protocol;

public sealed class StatusMappingTests
{
    [Theory]
    [InlineData(HttpStatusCode.BadRequest, StatusCode.Internal)]
    [InlineData(HttpStatusCode.Unauthorized, StatusCode.Unauthenticated)]
    [InlineData(HttpStatusCode.Forbidden, StatusCode.PermissionDenied)]
    [InlineData(HttpStatusCode.NotFound, StatusCode.Unimplemented)]
    [InlineData(HttpStatusCode.TooManyRequests, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.BadGateway, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.InternalServerError, StatusCode.Unknown)]
    public void Non_grpc_http_responses_map_as_the_specification_says(HttpStatusCode http, StatusCode expected) =>
        HttpStatusMapping.ToStatusCode(http).Should().Be(expected);

    [Theory]
    [InlineData(0x7, StatusCode.Unavailable)]
    [InlineData(0x8, StatusCode.Cancelled)]
    [InlineData(0xB, StatusCode.ResourceExhausted)]
    [InlineData(0xC, StatusCode.PermissionDenied)]
    [InlineData(0x2, StatusCode.Internal)]
    [InlineData(0x1, StatusCode.Internal)]
    public void Http2_reset_codes_map_to_grpc_codes(long errorCode, StatusCode expected) =>
        CallErrors.FromHttp2ErrorCode(errorCode).Should().Be(expected);

    public static TheoryData<Exception, bool, StatusCode> Failures => new()
    {
        { new OperationCanceledException(), true, StatusCode.DeadlineExceeded },
        { new HttpRequestException("refused"), true, StatusCode.DeadlineExceeded },
        { new OperationCanceledException(), false, StatusCode.Cancelled },
        { new HttpRequestException("Connection refused (127.0.0.1:1)"), false, StatusCode.Unavailable },
        { new IOException("reset"), false, StatusCode.Unavailable },
        { new RpcException(new Status(StatusCode.NotFound, "x")), false, StatusCode.NotFound },
        { new InvalidOperationException("bug"), false, StatusCode.Internal },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Transport_failures_map_with_the_deadline_taking_precedence(Exception failure, bool deadlinePassed, StatusCode expected) =>
        CallErrors.ToStatus(failure, deadlinePassed, "ctx").StatusCode.Should().Be(expected);

    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("application/grpc; charset=utf-8", true)]
    [InlineData("application/grpc-web", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void Grpc_content_types(string? contentType, bool expected) =>
        GrpcProtocol.IsGrpcContentType(contentType).Should().Be(expected);
}
