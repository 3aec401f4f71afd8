using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using SegRestore.Kube.Client;
using SegRestore.Kube.Events;

namespace SegRestore.Kube.Tests.Acceptance;

[Collection(LocalClusterTests.Name)]
public sealed class EventRecorderAcceptanceTests(LocalClusterFixture cluster) : IDisposable
{
    private readonly KubernetesClient _client = cluster.NewClient("events");

    public void Dispose()
    {
        cluster.Server.Faults.Reset();
        _client.Dispose();
    }

    private EventRecorder Recorder() =>
        new(_client, new EventRecorderOptions { Component = "kube-tests" }, TimeProvider.System, NullLogger<EventRecorder>.Instance);

    [Fact]
    public async Task Repeated_identical_events_are_aggregated_into_one_object()
    {
        var ns = await cluster.NewNamespaceAsync(_client, "events");
        var subject = await _client.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "subject", NamespaceProperty = ns } });
        var recorder = Recorder();

        for (var i = 0; i < 4; i++)
        {
            await recorder.RecordAsync(subject, EventType.Warning, "BackupMissing", "no full backup at s3://bucket/x");
        }

        await recorder.RecordAsync(subject, EventType.Normal, "Started", "segment started");
        var events = (await _client.ListAsync<Corev1Event>(ns)).Items;

        events.Should().HaveCount(2);
        var repeated = events.Single(e => e.Reason == "BackupMissing");
        repeated.Count.Should().Be(4);
        repeated.InvolvedObject.Uid.Should().Be(subject.Metadata.Uid);
        repeated.LastTimestamp.Should().BeOnOrAfter(repeated.FirstTimestamp!.Value);
        events.Single(e => e.Reason == "Started").Count.Should().Be(1);
    }

    [Fact]
    public async Task A_failing_server_does_not_make_recording_throw()
    {
        var ns = await cluster.NewNamespaceAsync(_client, "events-fail");
        var subject = await _client.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "subject", NamespaceProperty = ns } });
        cluster.Server.Faults.FailNext("create", "events", 10, 500);

        await FluentActions.Awaiting(() => Recorder().RecordAsync(subject, EventType.Normal, "Started", "x")).Should().NotThrowAsync();
        (await _client.ListAsync<Corev1Event>(ns)).Items.Should().BeEmpty();
    }
}
