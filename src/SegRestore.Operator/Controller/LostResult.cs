using System.Globalization;
using System.Text.Json;
using SegRestore.Store.Model;

namespace SegRestore.Operator.Controller;

/// <summary>
/// The result of an attempt whose worker never reached the reporter, pure: read from the worker's termination
/// message (its fallback JSON, see docs/worker.md) when there is one, else a transient failure that names the pod and
/// its exit code, so that the next attempt resumes from the checkpoint.
/// </summary>
public static class LostResult
{
    public static SegmentCompletion From(int attempt, string podName, PodObservation pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (pod.Life == PodLife.Gone)
        {
            return new SegmentCompletion(attempt, false, null, null, AttemptPolicy.PodDeleted,
                $"worker pod {podName} was deleted before it reported a result; a new attempt resumes from the checkpoint");
        }

        if (TryParse(attempt, pod.TerminationMessage) is { } reported)
        {
            return reported;
        }

        var how = pod.ExitCode switch
        {
            137 => "was killed (exit code 137: SIGKILL, often the memory limit; raise spec.worker.resources.limits.memory if it repeats)",
            null => "ended without an exit code",
            var code => $"exited with code {code}",
        };
        return new SegmentCompletion(attempt, false, null, null, AttemptPolicy.WorkerLost,
            $"worker pod {podName} {how} before it reported a result; a new attempt resumes from the checkpoint");
    }

    private static SegmentCompletion? TryParse(int attempt, string? message)
    {
        if (string.IsNullOrWhiteSpace(message) || !message.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(message);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("succeeded", out var succeeded)
                || !root.TryGetProperty("attempt", out var number) || number.ValueKind != JsonValueKind.Number
                || !number.TryGetInt32(out var reported) || reported != attempt)
            {
                return null;
            }

            if (succeeded.ValueKind == JsonValueKind.True)
            {
                ulong? restored = root.TryGetProperty("restoredTs", out var ts) && ulong.TryParse(ts.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
                return new SegmentCompletion(attempt, true, restored, null, null, "result taken from the worker's termination message");
            }

            var reason = Text(root, "reason") is { Length: > 0 } r ? r : "BrError";
            var detail = Text(root, "remediation");
            if (Text(root, "errorExcerpt") is { Length: > 0 } excerpt)
            {
                detail = $"{detail}\nBR said: {excerpt}";
            }

            return new SegmentCompletion(attempt, false, null, null, reason, detail);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
