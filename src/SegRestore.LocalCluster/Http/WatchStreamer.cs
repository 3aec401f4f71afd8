using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Faults;
using SegRestore.LocalCluster.Storage;

namespace SegRestore.LocalCluster.Http;

/// <summary>Streams a watch (item 9): newline-delimited events strictly after the requested resourceVersion (or a
/// snapshot as ADDED first), selector transitions as ADDED/DELETED, bookmarks, a clean close at timeoutSeconds, and
/// 410 either as the HTTP status (history already discarded) or in-stream (subscriber cut off, injected).</summary>
public sealed class WatchStreamer(ObjectStore store, TableConverter tables, FaultInjector faults, TimeProvider time, TimeSpan bookmarkInterval)
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public async Task StreamAsync(HttpContext context, WatchRequest request)
    {
        var forcedGone = faults.TakeForcedGone();
        if (forcedGone == false)
        {
            throw StatusErrors.Expired($"too old resource version: {request.FromResourceVersion ?? 0} ({store.CurrentResourceVersion})");
        }

        using var subscription = store.Watch(request.Resource.Id, request.FromResourceVersion,
            request.Resource.Namespaced ? request.Namespace : null);
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        if (forcedGone == true)
        {
            await WriteGoneAsync(context, request.FromResourceVersion ?? 0).ConfigureAwait(false);
            return;
        }

        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        lifetime.CancelAfter(request.Timeout);
        var drop = faults.DropWatchesEvery;
        var dropAt = drop > TimeSpan.Zero ? time.GetUtcNow() + drop : DateTimeOffset.MaxValue;
        var lastSent = subscription.StartResourceVersion;
        foreach (var initial in subscription.InitialObjects.Where(o => Matches(request, o)))
        {
            await WriteEventAsync(context, request, "ADDED", initial).ConfigureAwait(false);
        }

        await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        var nextBookmark = time.GetUtcNow() + bookmarkInterval;
        try
        {
            while (!lifetime.IsCancellationRequested)
            {
                var progress = subscription.Progress;
                while (subscription.Events.TryRead(out var change))
                {
                    lastSent = Math.Max(lastSent, change.ResourceVersion);
                    if (Translate(request, change) is { } type)
                    {
                        await WriteEventAsync(context, request, type, change.Current).ConfigureAwait(false);
                    }
                }

                if (subscription.Events.Completion.IsCompleted)
                {
                    if (subscription.Expired)
                    {
                        await WriteGoneAsync(context, lastSent).ConfigureAwait(false);
                    }

                    return;
                }

                var now = time.GetUtcNow();
                if (request.Bookmarks && now >= nextBookmark)
                {
                    await WriteBookmarkAsync(context, request, Math.Max(progress, lastSent)).ConfigureAwait(false);
                    nextBookmark = now + bookmarkInterval;
                }

                await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                if (now >= dropAt)
                {
                    context.Abort();
                    return;
                }

                var wait = Min(nextBookmark - now, dropAt - now);
                using var waitCancel = CancellationTokenSource.CreateLinkedTokenSource(lifetime.Token);
                waitCancel.CancelAfter(wait < TimeSpan.Zero ? TimeSpan.Zero : wait);
                try
                {
                    await subscription.Events.WaitToReadAsync(waitCancel.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
                {
                    // A bookmark is due, a drop is due, or timeoutSeconds elapsed: the loop decides.
                }
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static bool Matches(WatchRequest request, StoredObject obj) =>
        (request.Namespace is null || !request.Resource.Namespaced || obj.Key.Namespace == request.Namespace)
        && request.Labels.Matches(obj.Labels) && request.Fields.Matches(obj.Fields);

    /// <summary>The event type a filtered watcher sees: a change that moves an object out of its selector is a
    /// DELETED, one that moves it in an ADDED.</summary>
    public static string? Translate(WatchRequest request, WatchEvent change)
    {
        var now = Matches(request, change.Current);
        var before = change.Previous is { } previous && Matches(request, previous);
        return change.Type switch
        {
            WatchEventType.Added => now ? "ADDED" : null,
            WatchEventType.Deleted => now || before ? "DELETED" : null,
            _ when now && before => "MODIFIED",
            _ when now => "ADDED",
            _ when before => "DELETED",
            _ => null,
        };
    }

    private async Task WriteEventAsync(HttpContext context, WatchRequest request, string type, StoredObject stored)
    {
        var obj = Semantics.ObjectService.AsVersion(request.Resource, stored.ToJson());
        JsonNode payload = request.TableVersion is { } tableVersion
            ? tables.Convert(request.Resource, [obj], tableVersion, request.IncludeObject,
                new JsonObject { ["resourceVersion"] = stored.ResourceVersion.ToString(CultureInfo.InvariantCulture) })
            : obj;
        await WriteLineAsync(context, new JsonObject { ["type"] = type, ["object"] = payload }).ConfigureAwait(false);
    }

    private static Task WriteBookmarkAsync(HttpContext context, WatchRequest request, long resourceVersion) =>
        WriteLineAsync(context, new JsonObject
        {
            ["type"] = "BOOKMARK",
            ["object"] = new JsonObject
            {
                ["kind"] = request.Resource.Kind,
                ["apiVersion"] = request.Resource.ApiVersion,
                ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) },
            },
        });

    private Task WriteGoneAsync(HttpContext context, long resourceVersion) =>
        WriteLineAsync(context, new JsonObject
        {
            ["type"] = "ERROR",
            ["object"] = StatusErrors.Expired(
                $"too old resource version: {resourceVersion} ({store.CurrentResourceVersion})").Status,
        });

    private static async Task WriteLineAsync(HttpContext context, JsonObject line)
    {
        var bytes = Encoding.UTF8.GetBytes(line.ToJsonString());
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.WriteAsync(NewLine, context.RequestAborted).ConfigureAwait(false);
    }
}
