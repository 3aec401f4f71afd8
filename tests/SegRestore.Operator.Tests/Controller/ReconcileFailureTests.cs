using System.Net;
using k8s;
using k8s.Models;
using SegRestore.Kube.Client;
using SegRestore.Operator.Controller;
using SegRestore.Pd;
using SegRestore.Store.Errors;

namespace SegRestore.Operator.Tests.Controller;

public sealed class ReconcileFailureTests
{
    public static TheoryData<string, Exception, bool, ReconcileFailureKind, string> Cases => new()
    {
        { "a conflict is silent", Status(409, "Conflict"), false, ReconcileFailureKind.Conflict, "Conflict" },
        { "a ledger conflict is silent", new LedgerConflictException("c"), true, ReconcileFailureKind.Conflict, "Conflict" },
        { "API 503", Status(503, "ServiceUnavailable"), false, ReconcileFailureKind.Transient, "ApiServerUnavailable" },
        { "API 429", Status(429, "TooManyRequests"), true, ReconcileFailureKind.Transient, "ApiServerUnavailable" },
        { "network", new HttpRequestException("connection refused"), false, ReconcileFailureKind.Transient, "ApiServerUnavailable" },
        { "ledger store down", new IOException("disk"), true, ReconcileFailureKind.Transient, "LedgerUnavailable" },
        { "ledger generic", new LedgerException("timeout"), true, ReconcileFailureKind.Transient, "LedgerUnavailable" },
        { "PD", new PdException("refused"), false, ReconcileFailureKind.Transient, "ClusterUnreachable" },
        { "ledger refuses a segment not started", new LedgerValidationException("spec.restoredTs", "0", "set a TSO"), false, ReconcileFailureKind.Refused, "InvalidSpec" },
        { "ledger refuses a started segment", new LedgerValidationException("x", "y", "z"), true, ReconcileFailureKind.Refused, "LedgerRefused" },
        { "corrupt ledger", new LedgerCorruptionException("bad json"), true, ReconcileFailureKind.Defect, "LedgerCorrupt" },
        { "argument exception is a defect", new ArgumentException("port 99999"), false, ReconcileFailureKind.Defect, "ReconcileError" },
        { "a missing key is a defect", new KeyNotFoundException("k"), true, ReconcileFailureKind.Defect, "ReconcileError" },
        { "API 400 is a defect", Status(400, "BadRequest"), false, ReconcileFailureKind.Defect, "ReconcileError" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_exception_out_of_a_reconcile_has_a_kind_and_a_typed_reason(string because, Exception error, bool started, ReconcileFailureKind kind, string reason)
    {
        var failure = ReconcileFailure.Classify(error, "s0", "ns", started);

        failure.Kind.Should().Be(kind, because);
        failure.Reason.Should().Be(reason, because);
        if (kind != ReconcileFailureKind.Conflict)
        {
            failure.Message.Should().NotBeNullOrWhiteSpace(because);
        }
    }

    [Fact]
    public void A_refused_started_segment_is_told_a_step_it_can_take()
    {
        var failure = ReconcileFailure.Classify(new LedgerValidationException("x", "y", "z"), "s1", "team", started: true);

        failure.Message.Should().Contain("kubectl delete prs s1 -n team");
    }

    [Fact]
    public void Secrets_in_an_exception_message_never_reach_the_status()
    {
        var failure = ReconcileFailure.Classify(new InvalidOperationException("GET s3://AKIAEXAMPLE:hunter2secret@bucket/x?access-key=AKIAEXAMPLE failed"), "s0", "ns", false);

        failure.Message.Should().NotContain("hunter2secret").And.NotContain("AKIAEXAMPLE");
    }

    [Fact]
    public void A_long_message_is_bounded_and_on_one_line()
    {
        var failure = ReconcileFailure.Classify(new InvalidOperationException(string.Join("\n", Enumerable.Repeat("line", 1000))), "s0", "ns", false);

        failure.Message.Should().NotContain("\n");
        failure.Message.Length.Should().BeLessThan(900);
    }

    private static KubernetesApiException Status(int code, string reason) =>
        new(new V1Status { Code = code, Reason = reason, Message = reason });
}
