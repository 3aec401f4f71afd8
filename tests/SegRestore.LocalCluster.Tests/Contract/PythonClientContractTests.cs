using SegRestore.LocalCluster.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Contract;

/// <summary>
/// KUBE-SEMANTICS items 1-10 and 14, Leases and Events, through a second, independent client: the official Python
/// client (python3-kubernetes, installed by tests/setup/deps.sh) run by tests/interop/kube-contract.py. It targets
/// a LocalCluster of its own, or the real cluster of KUBECONFIG (then with busybox pods).
/// </summary>
[Trait("Category", "Contract")]
public sealed class PythonClientContractTests(PythonClientSuite suite) : IClassFixture<PythonClientSuite>
{
    /// <summary>The cases every target must pass (the script may report more, e.g. events.k8s.io/v1 where served).</summary>
    public static TheoryData<string> Cases => new()
    {
        "configmap-crud",
        "secret-crud",
        "configmap-strategic-merge-patch",
        "configmap-merge-patch",
        "configmap-json-patch",
        "conflict-on-stale-resource-version",
        "configmap-delete-collection",
        "namespace-deletion-removes-its-objects",
        "segment-crud",
        "segment-status-subresource",
        "segment-merge-patch",
        "segment-schema-prunes-and-validates",
        "segment-watch-sees-spec-and-status-changes",
        "list-pages-with-limit-and-continue",
        "watch-resumes-from-resource-version",
        "watch-without-resource-version-starts-with-existing",
        "watch-too-old-resource-version-is-gone",
        "finalizer-holds-deletion",
        "gc-background-deletes-dependents",
        "gc-foreground-waits-for-dependents",
        "gc-orphan-keeps-dependents",
        "lease-create-renew-conflict",
        "events-create-list",
        "events-v1-create-list",
        "pod-runs-to-succeeded",
        "pod-fails-with-exit-code",
        "pod-env-and-volumes",
        "pod-log-follow",
        "pod-delete-stops-a-running-pod",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_Python_client_case_passes(string name)
    {
        var result = suite.Result(name);

        result.Should().NotBeNull("kube-contract.py reports every case; it printed:\n{0}", suite.Transcript);
        result!.Ok.Should().BeTrue("{0} failed: {1}", name, result.Detail);
    }

    [Fact]
    public void Every_case_the_script_reports_passes_and_it_exits_0()
    {
        suite.Results.Where(r => !r.Ok).Should().BeEmpty("every reported case passes; the script printed:\n{0}", suite.Transcript);
        suite.ExitCode.Should().Be(0, "the script printed:\n{0}", suite.Transcript);
    }
}
