using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Http;

namespace SegRestore.LocalCluster.Tests.Unit;

/// <summary>Who owns a write: the fieldManager query, else the User-Agent's product name; an apply must name
/// its manager and only an apply may force.</summary>
public sealed class FieldOwnersTests
{
    [Theory]
    [InlineData("deployer", null, "kubectl/v1.32.0 (linux/amd64)", false, "deployer", false)]
    [InlineData(null, null, "kubectl-client-side-apply/v1.32.0 (linux/amd64) kubernetes/abc", false, "kubectl-client-side-apply", false)]
    [InlineData(null, null, "SegRestore.Kube", false, "SegRestore.Kube", false)]
    [InlineData(null, null, null, false, "unknown", false)]
    [InlineData("kubectl", "true", null, true, "kubectl", true)]
    [InlineData("kubectl", "false", null, true, "kubectl", false)]
    [InlineData("kubectl", "False", null, true, "kubectl", false)]
    [InlineData("kubectl", "0", null, true, "kubectl", false)]
    [InlineData("kubectl", "1", null, true, "kubectl", true)]
    [InlineData("kubectl", "", null, true, "kubectl", true)]
    [InlineData("kubectl", null, null, true, "kubectl", false)]
    public void The_manager_and_force_come_from_the_request(string? fieldManager, string? force, string? userAgent, bool apply, string manager, bool forced)
    {
        var owner = FieldOwners.Decide(fieldManager, force, userAgent, apply);

        owner.Manager.Should().Be(manager);
        owner.Force.Should().Be(forced);
    }

    [Theory]
    [InlineData(null, null, true, "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch")]
    [InlineData("", null, true, "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch")]
    [InlineData("m", "true", false, "PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for non-apply patch")]
    public void Invalid_patch_options_are_422(string? fieldManager, string? force, bool apply, string message)
    {
        var refused = () => FieldOwners.Decide(fieldManager, force, "kubectl", apply);

        var error = refused.Should().Throw<ApiException>().Which;
        error.Code.Should().Be(422);
        error.Status["message"]!.GetValue<string>().Should().Be(message);
    }
}
