using System.Data.Common;
using System.Net;
using SegRestore.Br;
using SegRestore.Kube.Client;
using SegRestore.Pd;
using SegRestore.Store.Errors;

namespace SegRestore.Operator.Controller;

/// <summary>
/// What an exception that escaped a reconcile means for the segment, pure: nothing may only be logged. A conflict is
/// reconciled again silently; a transient outage is retried and, from <see cref="ShowAfter"/> failures in a row,
/// shown in the status (phase kept, condition Reconciled=False) and one Event; a refusal ends the segment Invalid (not
/// started) or Failed; a defect ends it Failed with the error, redacted, and is looked at again after
/// <see cref="DefectRecheck"/> (an upgraded operator may then get past it).
/// </summary>
public sealed partial record ReconcileFailure(ReconcileFailureKind Kind, string Reason, string Message)
{
    public const int ShowAfter = 3;

    public static readonly TimeSpan DefectRecheck = TimeSpan.FromMinutes(5);

    public static ReconcileFailure Classify(Exception error, string segment, string ns, bool started)
    {
        ArgumentNullException.ThrowIfNull(error);
        var detail = Detail(error);
        return error switch
        {
            KubernetesApiException k when StaleWrite.Is(k) || k.IsConflict || k.IsAlreadyExists =>
                new(ReconcileFailureKind.Conflict, "Conflict", detail),
            KubernetesApiException k when k.Code is 429 or >= 500 || k.StatusCode == HttpStatusCode.RequestTimeout =>
                Outage("ApiServerUnavailable", $"the API server answered {k.Code} ({detail}); the operator retries with backoff: check the API server's health"),
            HttpRequestException or TimeoutException or TaskCanceledException =>
                Outage("ApiServerUnavailable", $"a request failed ({detail}); the operator retries with backoff: check the network to the API server"),
            LedgerValidationException when !started =>
                new(ReconcileFailureKind.Refused, "InvalidSpec", $"the ledger refused the segment: {detail}; correct the spec"),
            LedgerValidationException =>
                new(ReconcileFailureKind.Refused, "LedgerRefused", $"the ledger refused the segment's record: {detail}; the spec of a started segment " +
                    $"cannot change: delete {segment} (kubectl delete prs {segment} -n {ns}) and re-create it with the value corrected"),
            LedgerConflictException => new(ReconcileFailureKind.Conflict, "Conflict", detail),
            LedgerCorruptionException =>
                new(ReconcileFailureKind.Defect, "LedgerCorrupt", $"the ledger's record is damaged ({detail}); restore the ledger from its backup " +
                    $"or abandon the chain (kubectl annotate prs {segment} -n {ns} {Api.Labels.SegRestoreLabels.AbandonAnnotation}=true)"),
            LedgerException or DbException or IOException =>
                Outage("LedgerUnavailable", $"the ledger could not be read or written ({detail}); the operator retries with backoff: check the ledger's store " +
                    "(its database or ConfigMaps) and the operator's access to it"),
            PdException => Outage("ClusterUnreachable", $"PD did not answer ({detail}); the operator retries: check spec.cluster.pd and the network policy"),
            _ => new(ReconcileFailureKind.Defect, "ReconcileError", $"the operator could not reconcile {segment} ({error.GetType().Name}: {detail}); " +
                "it looks again every 5 minutes: report this with the operator's log, and delete and re-create the segment if it does not clear"),
        };
    }

    private static ReconcileFailure Outage(string reason, string message) => new(ReconcileFailureKind.Transient, reason, message);

    /// <summary>The exception's message without secrets, on one line, bounded.</summary>
    private static string Detail(Exception error)
    {
        return Api.Chain.BoundedText.Elide(UserInfo().Replace(SecretRedactor.Redact(error.Message), "://***@").ReplaceLineEndings(" "), 500);
    }

    /// <summary>The user info of any URL in the text (an access key id before the secret).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"://[^/@\s]+@", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex UserInfo();
}
