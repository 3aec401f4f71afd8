namespace SegRestore.LocalCluster.Tests.Kubectl;

/// <summary><c>kubectl apply --server-side</c> against LocalCluster: creation, updates, a conflict reported the way
/// kubectl reports a real server's, and <c>--force-conflicts</c>.</summary>
[Trait("Category", "Kubectl")]
public sealed class ServerSideApplyKubectlTests : KubectlTestBase
{
    private static string ConfigMap(string mode, string extra) => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          mode: {mode}
          {extra}
        """;

    private static string Segment(bool last) => $"""
        apiVersion: segrestore.io/v1alpha1
        kind: PointRestoreSegment
        metadata:
          name: orders-9
          namespace: tidb
        spec:
          cluster:
            pd: "basic-pd.tidb:2379"
          fullBackup:
            url: "s3://backups/full"
            secretName: s3-creds
          log:
            url: "s3://backups/log"
            secretName: s3-creds
          restoredTs: "2026-01-22T00:39:25+08:00"
          last: {(last ? "true" : "false")}
        """;

    [KubectlFact]
    public async Task Kubectl_server_side_apply_creates_and_updates_a_config_map_and_reports_conflicts()
    {
        using var files = new TempFiles();
        (await Kubectl.Ok("apply", "--server-side", "-f", files.Write(ConfigMap("fast", "extra: \"1\""))))
            .Should().Contain("configmap/settings serverside-applied");
        (await Kubectl.Ok("apply", "--server-side", "-f", files.Write(ConfigMap("slow", ""))))
            .Should().Contain("configmap/settings serverside-applied");
        (await Kubectl.Ok("get", "configmap", "settings", "-o", "jsonpath={.data}")).Should().Be("""{"mode":"slow"}""");
        (await Kubectl.Ok("get", "configmap", "settings", "-o", "jsonpath={.metadata.managedFields[0].manager} {.metadata.managedFields[0].operation}"))
            .Should().Be("kubectl Apply");

        var other = files.Write(ConfigMap("table", ""));
        var (code, _, error) = await Kubectl.Run("apply", "--server-side", "--field-manager=dba", "-f", other);
        code.Should().NotBe(0);
        error.Should().Contain("Apply failed with 1 conflict: conflict with \"kubectl\": .data.mode")
            .And.Contain("--force-conflicts");

        (await Kubectl.Ok("apply", "--server-side", "--field-manager=dba", "--force-conflicts", "-f", other))
            .Should().Contain("serverside-applied");
        (await Kubectl.Ok("get", "configmap", "settings", "-o", "jsonpath={.data.mode}")).Should().Be("table");
    }

    [KubectlFact]
    public async Task Kubectl_server_side_apply_conflicts_with_a_field_kubectl_patch_changed()
    {
        using var files = new TempFiles();
        var file = files.Write(ConfigMap("fast", ""));
        await Kubectl.Ok("apply", "--server-side", "-f", file);
        await Kubectl.Ok("patch", "configmap", "settings", "--type=merge", "-p", """{"data":{"mode":"patched"}}""");

        var (code, _, error) = await Kubectl.Run("apply", "--server-side", "-f", file);

        code.Should().NotBe(0);
        error.Should().Contain("conflict with \"kubectl-patch\" using v1: .data.mode");
        await Kubectl.Ok("apply", "--server-side", "--force-conflicts", "-f", file);
        (await Kubectl.Ok("get", "configmap", "settings", "-o", "jsonpath={.data.mode}")).Should().Be("fast");
    }

    [KubectlFact]
    public async Task Kubectl_server_side_apply_takes_over_an_object_kubectl_apply_created()
    {
        using var files = new TempFiles();
        (await Kubectl.Ok("apply", "-f", files.Write(ConfigMap("fast", "")))).Should().Contain("configmap/settings created");

        (await Kubectl.Ok("apply", "--server-side", "-f", files.Write(ConfigMap("slow", ""))))
            .Should().Contain("configmap/settings serverside-applied");

        (await Kubectl.Ok("get", "configmap", "settings", "-o", "jsonpath={.data.mode}")).Should().Be("slow");
        (await Kubectl.Ok("get", "configmap", "settings", "-o", "jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}"))
            .Should().Contain("\"mode\":\"slow\"");
        var (code, _, error) = await Kubectl.Run("apply", "--server-side", "--field-manager=dba", "-f", files.Write(ConfigMap("table", "")));
        code.Should().NotBe(0);
        error.Should().Contain("conflict with \"kubectl\": .data.mode");
    }

    [KubectlFact]
    public async Task Kubectl_server_side_apply_creates_and_updates_a_point_restore_segment()
    {
        using var files = new TempFiles();
        await Kubectl.Ok("apply", "-f", Path.Combine(RepositoryRoot(), "crds", "segrestore.io_pointrestoresegments.yaml"));
        await Kubectl.Ok("create", "namespace", "tidb");

        (await Kubectl.Ok("apply", "--server-side", "-f", files.Write(Segment(false))))
            .Should().Contain("pointrestoresegment.segrestore.io/orders-9 serverside-applied");
        (await Kubectl.Ok("apply", "--server-side", "-f", files.Write(Segment(true))))
            .Should().Contain("serverside-applied");

        (await Kubectl.Ok("get", "prs", "orders-9", "-n", "tidb", "-o", "jsonpath={.spec.last}")).Should().Be("true");
        var (code, _, error) = await Kubectl.Run("apply", "--server-side", "--field-manager=other", "-f", files.Write(Segment(false)));
        code.Should().NotBe(0);
        error.Should().Contain("conflict with \"kubectl\": .spec.last");
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

    /// <summary>Manifests written for one test and removed after it.</summary>
    private sealed class TempFiles : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("lc-ssa-").FullName;
        private int _count;

        public string Write(string yaml)
        {
            var path = Path.Combine(_directory, $"{++_count}.yaml");
            File.WriteAllText(path, yaml);
            return path;
        }

        public void Dispose() => Directory.Delete(_directory, recursive: true);
    }
}
