namespace SegRestore.LocalCluster.Tests.Kubectl;

/// <summary>
/// The project's own generated CRD (crds/) and the three-segment sample chain (config/samples/) through the real
/// kubectl: what a DBA sees after `make run`.
/// </summary>
[Trait("Category", "Kubectl")]
public sealed class ProjectCrdKubectlTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lc-kubectl-prs-").FullName;
    private LocalClusterServer _server = null!;
    private Kubectl _kubectl = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalClusterServer.StartAsync(Support.ClusterFixture.Options(), CancellationToken.None);
        var kubeconfig = Path.Combine(_directory, "kubeconfig");
        await _server.WriteKubeconfigAsync(kubeconfig, CancellationToken.None);
        _kubectl = new Kubectl(kubeconfig, Path.Combine(_directory, "cache"));
    }

    [KubectlFact]
    public async Task Samples_apply_and_get_prs_shows_the_printer_columns_and_a_started_spec_is_immutable()
    {
        var root = RepositoryRoot();
        (await _kubectl.Ok("apply", "-f", Path.Combine(root, "crds", "segrestore.io_pointrestoresegments.yaml")))
            .Should().Contain("pointrestoresegments.segrestore.io created");
        await _kubectl.Ok("create", "namespace", "tidb");
        (await _kubectl.Ok("apply", "-f", Path.Combine(root, "config", "samples", "three-segment")))
            .Should().Contain("orders-0 created").And.Contain("orders-1 created").And.Contain("orders-2 created");

        var table = await _kubectl.Ok("get", "prs", "-n", "tidb");
        table.Should().MatchRegex(@"NAME\s+CHAIN\s+INDEX\s+START \(UTC\)\s+RESTORED \(UTC\)\s+LAST\s+PHASE\s+PROGRESS\s+AGE");
        table.Should().MatchRegex(@"orders-2\s+true");

        await _kubectl.Ok("patch", "prs", "orders-1", "-n", "tidb", "--subresource=status", "--type=merge",
            "-p", """{"status":{"phase":"Running","startedAt":"2026-01-22T00:00:00Z"}}""");
        var (code, _, error) = await _kubectl.Run("patch", "prs", "orders-1", "-n", "tidb", "--type=merge",
            "-p", """{"spec":{"restoredTs":"463736295708426243"}}""");
        code.Should().NotBe(0);
        error.Should().Contain("spec is immutable once the segment has started");
        (await _kubectl.Ok("patch", "prs", "orders-1", "-n", "tidb", "--type=merge", "-p", """{"spec":{"hold":true}}"""))
            .Should().Contain("patched");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SegRestore.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"SegRestore.sln not found above {AppContext.BaseDirectory}");
    }
}
