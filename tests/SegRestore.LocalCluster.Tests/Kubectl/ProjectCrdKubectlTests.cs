using SegRestore.Api.Tests.Support;

namespace SegRestore.LocalCluster.Tests.Kubectl;

/// <summary>
/// The project's own generated CRD (crds/) and the three-segment sample chain (config/samples/) through the real
/// kubectl: what a DBA sees after `make run`.
/// </summary>
[Trait("Category", "Kubectl")]
public sealed class ProjectCrdKubectlTests : KubectlTestBase
{
    [KubectlFact]
    public async Task Samples_apply_and_get_prs_shows_the_printer_columns_and_a_started_spec_is_immutable()
    {
        var root = RepositoryPaths.Root;
        (await Kubectl.Ok("apply", "-f", Path.Combine(root, "crds", "segrestore.io_pointrestoresegments.yaml")))
            .Should().Contain("pointrestoresegments.segrestore.io created");
        await Kubectl.Ok("create", "namespace", "tidb");
        (await Kubectl.Ok("apply", "-f", Path.Combine(root, "config", "samples", "three-segment")))
            .Should().Contain("orders-0 created").And.Contain("orders-1 created").And.Contain("orders-2 created");

        var table = await Kubectl.Ok("get", "prs", "-n", "tidb");
        table.Should().MatchRegex(@"NAME\s+CHAIN\s+INDEX\s+START \(UTC\)\s+RESTORED \(UTC\)\s+LAST\s+PHASE\s+PROGRESS\s+AGE");
        table.Should().MatchRegex(@"orders-2\s+true");

        await Kubectl.Ok("patch", "prs", "orders-1", "-n", "tidb", "--subresource=status", "--type=merge",
            "-p", """{"status":{"phase":"Running","startedAt":"2026-01-22T00:00:00Z"}}""");
        var (code, _, error) = await Kubectl.Run("patch", "prs", "orders-1", "-n", "tidb", "--type=merge",
            "-p", """{"spec":{"restoredTs":"463736295708426243"}}""");
        code.Should().NotBe(0);
        error.Should().Contain("spec is immutable once the segment has started");
        (await Kubectl.Ok("patch", "prs", "orders-1", "-n", "tidb", "--type=merge", "-p", """{"spec":{"hold":true}}"""))
            .Should().Contain("patched");
    }
}
