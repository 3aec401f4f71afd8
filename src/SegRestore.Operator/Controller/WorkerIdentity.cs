using SegRestore.Api.Models;

namespace SegRestore.Operator.Controller;

/// <summary>The worker's cloud identity (spec.worker.serviceAccountName), checked before the pod exists: the API
/// server refuses a pod whose ServiceAccount is missing, and says so only to the pod's creator.</summary>
public static class WorkerIdentity
{
    public const string ServiceAccountNotFound = "ServiceAccountNotFound";

    public static Verdict NotFound(string account, string ns, SegmentPhase phase) =>
        Verdict.WorkerCannotStart(phase, ServiceAccountNotFound,
            $"spec.worker.serviceAccountName: ServiceAccount \"{account}\" was not found in namespace {ns}; the worker cannot " +
            $"start without it: create it (kubectl create serviceaccount {account} -n {ns}, then annotate it for the cloud " +
            "identity, docs/security.md) or correct the name; the segment goes on by itself once it exists");
}
