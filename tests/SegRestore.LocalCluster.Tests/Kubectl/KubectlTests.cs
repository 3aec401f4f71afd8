using System.Text;

namespace SegRestore.LocalCluster.Tests.Kubectl;

/// <summary>The real kubectl against LocalCluster: apply, get with printer columns, patches, describe, logs,
/// delete waiting on a finalizer, and get -w.</summary>
[Trait("Category", "Kubectl")]
public sealed class KubectlTests : KubectlTestBase
{
    [KubectlFact]
    public async Task Kubectl_applies_gets_patches_describes_and_deletes_custom_resources()
    {
        var crd = Path.Combine(AppContext.BaseDirectory, "TestData", "widget-crd.yaml");
        var samples = Path.Combine(AppContext.BaseDirectory, "TestData", "widget-samples.yaml");

        (await Kubectl.Ok("apply", "-f", crd)).Should().Contain("customresourcedefinition.apiextensions.k8s.io/widgets.contract.segrestore.io created");
        var applied = await Kubectl.Ok("apply", "-f", samples);
        applied.Should().Contain("widget.contract.segrestore.io/orders-0 created").And.Contain("configmap/settings created").And.Contain("pod/hello created");
        (await Kubectl.Ok("apply", "-f", samples)).Should().Contain("orders-0 unchanged").And.Contain("configmap/settings unchanged");

        var table = await Kubectl.Ok("get", "wdg");
        table.Should().MatchRegex(@"NAME\s+CLUSTER\s+LAST\s+PHASE\s+AGE");
        table.Should().MatchRegex(@"orders-1\s+basic-pd\.tidb:2379\s+true");

        (await Kubectl.Ok("patch", "widget", "orders-0", "--type=merge", "-p", """{"spec":{"hold":true}}""")).Should().Contain("patched");
        (await Kubectl.Ok("get", "widget", "orders-0", "-o", "jsonpath={.spec.hold}")).Should().Be("true");
        (await Kubectl.Ok("patch", "widget", "orders-0", "--type=json", "-p", """[{"op":"replace","path":"/spec/hold","value":false}]""")).Should().Contain("patched");
        (await Kubectl.Ok("get", "widget", "orders-0", "-o", "jsonpath={.spec.hold}")).Should().Be("false");
        (await Kubectl.Ok("describe", "widget", "orders-0")).Should().Contain("Name:").And.Contain("orders-0");

        (await Kubectl.Ok("patch", "configmap", "settings", "-p", """{"data":{"mode":"table"}}""")).Should().Contain("patched");
        (await Kubectl.Ok("get", "configmap", "settings", "-o", "jsonpath={.data.mode}")).Should().Be("table");
    }

    [KubectlFact]
    public async Task Kubectl_delete_waits_until_the_finalizer_is_removed()
    {
        await Kubectl.Ok("apply", "-f", Path.Combine(AppContext.BaseDirectory, "TestData", "widget-crd.yaml"));
        await Kubectl.Ok("apply", "-f", Path.Combine(AppContext.BaseDirectory, "TestData", "widget-samples.yaml"));
        await Kubectl.Ok("patch", "widget", "orders-1", "--type=merge", "-p", """{"metadata":{"finalizers":["contract.segrestore.io/hold"]}}""");

        using var delete = Kubectl.Start("delete", "widget", "orders-1", "--wait=true", "--timeout=90s");
        await Support.Eventually.Until(async () =>
            (await Kubectl.Run("get", "widget", "orders-1", "-o", "jsonpath={.metadata.deletionTimestamp}")).Output.Length > 0, "deletion has started");
        delete.HasExited.Should().BeFalse("kubectl delete --wait must wait for the finalizer");

        await Kubectl.Ok("patch", "widget", "orders-1", "--type=json", "-p", """[{"op":"remove","path":"/metadata/finalizers"}]""");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await delete.WaitForExitAsync(timeout.Token);

        delete.ExitCode.Should().Be(0, await delete.StandardError.ReadToEndAsync());
        (await delete.StandardOutput.ReadToEndAsync()).Should().Contain("deleted");
        (await Kubectl.Run("get", "widget", "orders-1")).ExitCode.Should().NotBe(0);
    }

    [KubectlFact]
    public async Task Kubectl_get_watch_sees_changes()
    {
        await Kubectl.Ok("apply", "-f", Path.Combine(AppContext.BaseDirectory, "TestData", "widget-crd.yaml"));
        await Kubectl.Ok("apply", "-f", Path.Combine(AppContext.BaseDirectory, "TestData", "widget-samples.yaml"));
        using var watch = Kubectl.Start("get", "widgets", "-w", "--output-watch-events");
        var output = new StringBuilder();
        var reader = Task.Run(async () =>
        {
            string? line;
            while ((line = await watch.StandardOutput.ReadLineAsync()) is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        });

        await Support.Eventually.Until(() => Task.FromResult(Snapshot(output).Contains("orders-0", StringComparison.Ordinal)), "the watch lists the widgets");
        await Kubectl.Ok("patch", "widget", "orders-0", "--type=merge", "-p", """{"spec":{"last":true}}""");
        await Support.Eventually.Until(() => Task.FromResult(Snapshot(output).Contains("MODIFIED", StringComparison.Ordinal)), "the watch sees the change");
        watch.Kill();
        await reader;

        Snapshot(output).Should().MatchRegex(@"ADDED\s+orders-0\s+basic-pd\.tidb:2379\s+false");
        Snapshot(output).Should().MatchRegex(@"MODIFIED\s+orders-0\s+basic-pd\.tidb:2379\s+true");
    }

    [KubectlFact]
    public async Task Kubectl_logs_shows_the_output_of_a_pod_run_by_the_process_kubelet()
    {
        await Kubectl.Ok("apply", "-f", Path.Combine(AppContext.BaseDirectory, "TestData", "widget-crd.yaml"));
        await Kubectl.Ok("apply", "-f", Path.Combine(AppContext.BaseDirectory, "TestData", "widget-samples.yaml"));
        await Support.Eventually.Until(async () =>
            (await Kubectl.Run("get", "pod", "hello", "-o", "jsonpath={.status.phase}")).Output == "Succeeded", "the pod completed");

        (await Kubectl.Ok("logs", "hello")).Should().Be("hello from kubectl\n");
        (await Kubectl.Ok("get", "pods")).Should().MatchRegex(@"hello\s+0/1\s+Completed");
    }

    [KubectlFact]
    public async Task Kubectl_typed_create_commands_work_through_protobuf_bodies()
    {
        (await Kubectl.Ok("create", "namespace", "tidb")).Should().Contain("namespace/tidb created");
        await Kubectl.Ok("-n", "tidb", "create", "configmap", "settings", "--from-literal=mode=fast");
        await Kubectl.Ok("-n", "tidb", "create", "secret", "generic", "creds", "--from-literal=access_key=AK");
        await Kubectl.Ok("-n", "tidb", "create", "serviceaccount", "worker");
        await Kubectl.Ok("label", "namespace", "tidb", "team=db");

        (await Kubectl.Ok("-n", "tidb", "get", "configmap", "settings", "-o", "jsonpath={.data.mode}")).Should().Be("fast");
        (await Kubectl.Ok("-n", "tidb", "get", "secret", "creds", "-o", "jsonpath={.data.access_key} {.type}")).Should().Be("QUs= Opaque");
        (await Kubectl.Ok("get", "namespace", "tidb", "-o", "jsonpath={.metadata.labels.team}")).Should().Be("db");
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
