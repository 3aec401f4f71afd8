using Microsoft.Extensions.Hosting;
using SegRestore.Api.Models;
using SegRestore.Kube.Controller;
using SegRestore.Kube.Runtime;
using SegRestore.Operator.Controller;
using SegRestore.Operator.Reporter;

namespace SegRestore.Operator.Hosting;

/// <summary>
/// Wakes a segment when its worker reports: a recorded result at once, together with the segments that follow it (the
/// hand-off to the next segment starts there), progress so that the throttled status write can follow.
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
        if (segment is null)
        {
            return;
        }

        context.Enqueue(ObjectKey.Of(segment));
        if (resultRecorded)
        {
            // The result is in the ledger, which is what the chain rules read: the next segment can start now, without
            // waiting for this segment's status write and its watch event to come back.
            foreach (var follower in SegmentReconciler.FollowersOf(segment, context))
            {
                context.Enqueue(follower);
            }
        }
    }
}
