using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SegRestore.Kube.Client;
using SegRestore.Kube.Events;
using SegRestore.Kube.Tests.Support;

namespace SegRestore.Kube.Tests.Events;

public class EventRecorderTests
{
    private readonly Mock<IKubernetesClient> _client = new();
    private readonly ManualTimeProvider _time = new();
    private readonly V1Pod _pod = new() { Metadata = new V1ObjectMeta { Name = "Worker-1", NamespaceProperty = "ns", Uid = "u1" } };

    private EventRecorder Recorder() =>
        new(_client.Object, new EventRecorderOptions { Component = "test", Instance = "i1" }, _time, NullLogger<EventRecorder>.Instance);

    [Fact]
    public async Task The_first_occurrence_creates_an_event_with_count_one()
    {
        Corev1Event? created = null;
        _client.Setup(c => c.CreateAsync(It.IsAny<Corev1Event>(), It.IsAny<CancellationToken>()))
            .Callback((Corev1Event e, CancellationToken _) => created = e).ReturnsAsync((Corev1Event e, CancellationToken _) => e);

        await Recorder().RecordAsync(_pod, EventType.Warning, "Failed", "exit 3");

        created!.Count.Should().Be(1);
        created.Metadata.Name.Should().Be(EventNames.For(_pod, EventType.Warning, "Failed", "exit 3")).And.StartWith("worker-1.");
        created.InvolvedObject.Uid.Should().Be("u1");
        created.Type.Should().Be("Warning");
        created.FirstTimestamp.Should().Be(created.LastTimestamp);
        created.ReportingComponent.Should().Be("test");
    }

    [Fact]
    public async Task A_repeat_bumps_count_and_last_timestamp_of_the_same_event()
    {
        var existing = new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = "x", NamespaceProperty = "ns", ResourceVersion = "3" },
            Count = 4,
            FirstTimestamp = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        _client.Setup(c => c.GetAsync<Corev1Event>(It.IsAny<string>(), "ns", It.IsAny<CancellationToken>())).ReturnsAsync(existing);
        _client.Setup(c => c.ReplaceAsync(existing, It.IsAny<CancellationToken>())).ReturnsAsync(existing);
        _time.Advance(TimeSpan.FromMinutes(5));

        await Recorder().RecordAsync(_pod, EventType.Warning, "Failed", "exit 3");

        existing.Count.Should().Be(5);
        existing.LastTimestamp.Should().Be(_time.GetUtcNow().UtcDateTime);
        _client.Verify(c => c.CreateAsync(It.IsAny<Corev1Event>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_conflict_rereads_and_retries()
    {
        var existing = new Corev1Event { Metadata = new V1ObjectMeta { Name = "x", NamespaceProperty = "ns" }, Count = 1 };
        _client.Setup(c => c.GetAsync<Corev1Event>(It.IsAny<string>(), "ns", It.IsAny<CancellationToken>())).ReturnsAsync(existing);
        _client.SetupSequence(c => c.ReplaceAsync(existing, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new KubernetesApiException(new V1Status { Code = 409, Reason = "Conflict" }))
            .ReturnsAsync(existing);

        await Recorder().RecordAsync(_pod, EventType.Normal, "Started", "ok");

        _client.Verify(c => c.ReplaceAsync(existing, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Failures_are_logged_never_thrown()
    {
        _client.Setup(c => c.GetAsync<Corev1Event>(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new KubernetesApiException(new V1Status { Code = 403, Reason = "Forbidden" }));

        await FluentActions.Awaiting(() => Recorder().RecordAsync(_pod, EventType.Normal, "Started", "ok")).Should().NotThrowAsync();
    }

    [Theory]
    [InlineData(EventType.Normal, "Started", "ok", false)]
    [InlineData(EventType.Warning, "Started", "ok", true)]
    [InlineData(EventType.Normal, "Other", "ok", true)]
    [InlineData(EventType.Normal, "Started", "different", true)]
    public void Event_names_aggregate_only_identical_repeats(EventType type, string reason, string message, bool differs) =>
        (EventNames.For(_pod, type, reason, message) != EventNames.For(_pod, EventType.Normal, "Started", "ok")).Should().Be(differs);
}
