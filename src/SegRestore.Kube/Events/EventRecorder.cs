using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using SegRestore.Kube.Client;

namespace SegRestore.Kube.Events;

/// <summary>
/// The <see cref="IEventRecorder"/>: create the aggregate Event with count 1, or bump count and lastTimestamp of the
/// existing one (replace with its resourceVersion; a conflict re-reads and retries a few times).
/// </summary>
public sealed partial class EventRecorder(
    IKubernetesClient client,
    EventRecorderOptions options,
    TimeProvider timeProvider,
    ILogger<EventRecorder> logger) : IEventRecorder
{
    private const int Attempts = 3;

    public async Task RecordAsync(
        IKubernetesObject<V1ObjectMeta> involvedObject,
        EventType type,
        string reason,
        string message,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(involvedObject);
        var name = EventNames.For(involvedObject, type, reason, message);
        var @namespace = involvedObject.Metadata.NamespaceProperty ?? client.DefaultNamespace ?? "default";
        try
        {
            for (var attempt = 1; attempt <= Attempts; attempt++)
            {
                if (await TryRecordAsync(involvedObject, name, @namespace, type, reason, message, cancellationToken)
                    .ConfigureAwait(false))
                {
                    return;
                }
            }

            LogGaveUp(logger, reason, involvedObject.Kind, involvedObject.Metadata.Name, Attempts);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller is stopping; an Event is not worth delaying it.
        }
        catch (Exception e)
        {
            LogFailed(logger, reason, involvedObject.Kind, involvedObject.Metadata.Name, e);
        }
    }

    /// <summary>One create-or-bump; false when another writer got in between (conflict or already exists).</summary>
    private async Task<bool> TryRecordAsync(
        IKubernetesObject<V1ObjectMeta> involvedObject, string name, string @namespace, EventType type, string reason,
        string message, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        try
        {
            var existing = await client.GetAsync<Corev1Event>(name, @namespace, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                await client.CreateAsync(NewEvent(involvedObject, name, @namespace, type, reason, message, now),
                    cancellationToken).ConfigureAwait(false);
                return true;
            }

            existing.Count = (existing.Count ?? 1) + 1;
            existing.LastTimestamp = now;
            await client.ReplaceAsync(existing, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (KubernetesApiException e) when (e.IsConflict || e.IsAlreadyExists)
        {
            return false;
        }
    }

    private Corev1Event NewEvent(
        IKubernetesObject<V1ObjectMeta> involvedObject, string name, string @namespace, EventType type, string reason,
        string message, DateTime now) => new()
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = @namespace },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = involvedObject.ApiVersion,
                Kind = involvedObject.Kind,
                Name = involvedObject.Metadata.Name,
                NamespaceProperty = involvedObject.Metadata.NamespaceProperty,
                Uid = involvedObject.Metadata.Uid,
                ResourceVersion = involvedObject.Metadata.ResourceVersion,
            },
            Type = type.ToString(),
            Reason = reason,
            Message = message,
            Count = 1,
            FirstTimestamp = now,
            LastTimestamp = now,
            Source = new V1EventSource { Component = options.Component, Host = options.Instance },
            ReportingComponent = options.Component,
            ReportingInstance = options.Instance,
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record event {Reason} on {Kind} {Name}")]
    private static partial void LogFailed(ILogger logger, string reason, string kind, string? name, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up recording event {Reason} on {Kind} {Name} after {Attempts} conflicting attempts")]
    private static partial void LogGaveUp(ILogger logger, string reason, string kind, string? name, int attempts);
}
