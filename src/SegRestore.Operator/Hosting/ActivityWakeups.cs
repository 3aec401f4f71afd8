using Microsoft.Extensions.Hosting;
using SegRestore.Api.Models;
using SegRestore.Kube.Controller;
using SegRestore.Kube.Runtime;
using SegRestore.Operator.Reporter;

namespace SegRestore.Operator.Hosting;

/// <summary>
/// Wakes a segment when its worker reports: a recorded result at once (the hand-off to the next segment starts
/// there), progress so that the throttled status write can follow.
/// </summary>
public sealed class ActivityWakeups(InMemoryAttemptActivitySink activity, IControllerContext<PointRestoreSegment> context) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        activity.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        activity.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    private void OnChanged(AttemptGrant grant, bool resultRecorded)
    {
        var segment = context.List().FirstOrDefault(s => s.Metadata.Uid == grant.SegmentUid);
        if (segment is not null)
        {
            context.Enqueue(ObjectKey.Of(segment));
        }
    }
}
