using k8s;
using k8s.Models;
using SegRestore.Kube.Client;
using SegRestore.Operator.Controller;

namespace SegRestore.Operator.Tests.Controller;

/// <summary>Only a 409 Conflict (a write on an older copy) is a stale write; AlreadyExists and other errors are not.</summary>
public sealed class StaleWriteTests
{
    [Theory]
    [InlineData(409, "Conflict", true)]
    [InlineData(409, "AlreadyExists", false)]
    [InlineData(404, "NotFound", false)]
    [InlineData(422, "Invalid", false)]
    [InlineData(500, "InternalError", false)]
    public void A_conflict_is_a_stale_write_and_nothing_else_is(int code, string reason, bool stale)
    {
        var exception = new KubernetesApiException(new V1Status { Code = code, Reason = reason, Message = "m" }, "PUT /x");

        StaleWrite.Is(exception).Should().Be(stale);
    }

    [Fact]
    public void Other_exceptions_are_not_stale_writes() =>
        StaleWrite.Is(new InvalidOperationException("409")).Should().BeFalse();
}
