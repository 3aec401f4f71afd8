using System.Net.Http.Json;
using System.Text.Json;
using k8s.Models;
using SegRestore.Api.Crd;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;
using SegRestore.Cli.Commands;
using SegRestore.Kube.Client;
using SegRestore.LocalCluster;
using SegRestore.LocalCluster.Kubelet;

namespace SegRestore.Cli.Tests;

/// <summary>`segrestore validate --cluster`: manifests judged against the segments LocalCluster already holds.</summary>
public sealed class ValidateClusterTests : IAsyncLifetime, IDisposable
{
    private const string Namespace = "tidb";
    private readonly TestDirectory _manifests = new();
    private LocalClusterServer _cluster = null!;
    private KubernetesClient _client = null!;

    public async Task InitializeAsync() => (_cluster, _client) = await SegmentCluster.StartAsync(Namespace);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    public void Dispose()
    {
        _client?.Dispose();
        _manifests.Dispose();
    }

    [Fact]
    public async Task A_later_segment_alone_is_judged_against_its_predecessor_in_the_cluster()
    {
        await CreateRootAsync(SegmentPhase.Succeeded);
        Write("orders-1.yaml", Later("orders-1", "orders-0", "2026-01-22T03:00:00Z"));

        var (exit, text) = await ValidateAsync();

        exit.Should().Be(0, text);
        text.Should().Contain("against 1 segment(s) in the cluster").And.Contain("0 error(s)")
            .And.NotContain("PreviousNotFound", "offline the predecessor is unknown; the cluster holds it");
    }

    [Fact]
    public async Task A_segment_that_would_go_back_before_its_live_predecessor_is_invalid()
    {
        await CreateRootAsync(SegmentPhase.Succeeded);
        Write("orders-1.yaml", Later("orders-1", "orders-0", "2026-01-22T01:00:00Z"));

        var (exit, text) = await ValidateAsync();

        exit.Should().Be(1, text);
        text.Should().Contain("orders-1").And.Contain("1 error(s)");
    }

    [Fact]
    public async Task Changing_the_spec_of_a_started_segment_is_refused_with_the_way_out()
    {
        await CreateRootAsync(SegmentPhase.Running);
        Write("orders-0.yaml", Root("2026-01-22T05:00:00Z"));

        var (exit, text) = await ValidateAsync();

        exit.Should().Be(1, text);
        text.Should().Contain("segment 'orders-0' in namespace 'tidb' has started (phase Running)")
            .And.Contain("only spec.hold and spec.retry may change").And.Contain("under a new name");
    }

    [Fact]
    public async Task Re_applying_a_started_segment_unchanged_is_fine()
    {
        await CreateRootAsync(SegmentPhase.Running);
        Write("orders-0.yaml", Root("2026-01-22T02:00:00Z"));

        var (exit, text) = await ValidateAsync();

        exit.Should().Be(0, text);
    }

    [Fact]
    public async Task A_cluster_that_cannot_be_asked_exits_3_naming_the_namespace_and_the_fix()
    {
        Write("orders-1.yaml", Later("orders-1", "orders-0", "2026-01-22T03:00:00Z"));
        using var unreachable = new KubernetesClient(KubeConfiguration.ForServer(new Uri("http://127.0.0.1:9")), SegRestoreEntityJson.Instance);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ValidateCommand.RunAgainstClusterAsync([_manifests.Path], unreachable, Namespace, output, error);

        exit.Should().Be(3);
        error.ToString().Should().Contain("cannot list the segments of namespace 'tidb'").And.Contain("validate offline without --cluster");
    }

    [Fact]
    public void Only_the_namespaces_of_segment_documents_are_asked()
    {
        var (documents, error) = Validation.ManifestValidator.Parse("m.yaml", Later("orders-1", "orders-0", "2026-01-22T03:00:00Z")
            + "\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: s3-creds, namespace: elsewhere}\n"
            + "---\napiVersion: segrestore.io/v1alpha1\nkind: PointRestoreSegment\nmetadata: {name: x}\n");

        error.Should().BeNull();
        Validation.ManifestValidator.SegmentNamespaces(documents, "team").Should().Equal("team", "tidb");
    }

    private async Task<(int Exit, string Text)> ValidateAsync()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ValidateCommand.RunAgainstClusterAsync([_manifests.Path], _client, "default", output, error);
        return (exit, output + error.ToString());
    }

    private void Write(string file, string yaml) => File.WriteAllText(Path.Combine(_manifests.Path, file), yaml);

    private async Task CreateRootAsync(SegmentPhase phase)
    {
        var created = await _client.CreateAsync(new PointRestoreSegment
        {
            Metadata = new V1ObjectMeta { Name = "orders-0", NamespaceProperty = Namespace },
            Spec = new PointRestoreSegmentSpec
            {
                Cluster = new ClusterSpec { Pd = "basic-pd.tidb:2379" },
                FullBackup = new StorageSpec { Url = "s3://backups/full" },
                Log = new StorageSpec { Url = "s3://backups/log" },
                RestoredTs = "2026-01-22T02:00:00Z",
            },
        });
        created.Status = new PointRestoreSegmentStatus { Phase = phase, StartedAt = DateTime.UtcNow.AddMinutes(-5) };
        await _client.ReplaceStatusAsync(created);
    }

    private static string Root(string restoredTs) => $"""
        apiVersion: segrestore.io/v1alpha1
        kind: PointRestoreSegment
        metadata: {"{"}name: orders-0, namespace: tidb{"}"}
        spec:
          cluster: {"{"}pd: "basic-pd.tidb:2379"{"}"}
          fullBackup: {"{"}url: "s3://backups/full"{"}"}
          log: {"{"}url: "s3://backups/log"{"}"}
          restoredTs: "{restoredTs}"
        """;

    private static string Later(string name, string previous, string restoredTs) => $"""
        apiVersion: segrestore.io/v1alpha1
        kind: PointRestoreSegment
        metadata: {"{"}name: {name}, namespace: tidb{"}"}
        spec:
          cluster: {"{"}pd: "basic-pd.tidb:2379"{"}"}
          previousSegment: {previous}
          log: {"{"}url: "s3://backups/log"{"}"}
          restoredTs: "{restoredTs}"
        """;
}
