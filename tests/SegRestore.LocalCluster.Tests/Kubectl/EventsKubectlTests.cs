namespace SegRestore.LocalCluster.Tests.Kubectl;

/// <summary>kubectl reads events.k8s.io/v1 Events as it does on a real cluster, and core events stay as they were.</summary>
[Trait("Category", "Kubectl")]
public sealed class EventsKubectlTests : KubectlTestBase
{
    private const string V1Event = """
        apiVersion: events.k8s.io/v1
        kind: Event
        metadata:
          name: restore-started
          namespace: default
        eventTime: "2026-01-02T03:04:05.000000Z"
        reportingController: segrestore.io/operator
        reportingInstance: operator-0
        action: Restore
        reason: Started
        type: Normal
        note: restore started
        regarding:
          apiVersion: v1
          kind: ConfigMap
          name: settings
          namespace: default
        """;

    [KubectlFact]
    public async Task Kubectl_creates_and_gets_events_of_the_events_group_as_a_table()
    {
        var file = Path.Combine(Path.GetTempPath(), $"lc-event-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, V1Event);
        try
        {
            (await Kubectl.Ok("apply", "-f", file)).Should().Contain("event.events.k8s.io/restore-started created");
            await Kubectl.Ok("create", "configmap", "settings", "--from-literal=a=b");

            var table = await Kubectl.Ok("get", "events.events.k8s.io");
            var one = await Kubectl.Ok("get", "events.events.k8s.io", "restore-started", "-o", "jsonpath={.note}");

            table.Should().MatchRegex(@"NAME\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\s+AGE");
            table.Should().MatchRegex(@"restore-started\s+Normal\s+Started\s+configmap/settings\s+restore started");
            one.Should().Be("restore started");
            (await Kubectl.Ok("get", "events")).Should().MatchRegex(@"Normal\s+Started\s+configmap/settings\s+restore started");
            (await Kubectl.Ok("api-resources", "--api-group=events.k8s.io")).Should().MatchRegex(@"events\s+ev\s+events\.k8s\.io/v1\s+true\s+Event");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
