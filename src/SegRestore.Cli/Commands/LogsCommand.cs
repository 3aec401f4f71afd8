using System.CommandLine;
using System.Globalization;
using k8s;
using k8s.Models;
using SegRestore.Api.Labels;
using SegRestore.Api.Models;
using SegRestore.Kube.Client;

namespace SegRestore.Cli.Commands;

/// <summary>
/// <c>segrestore logs SEGMENT [--attempt N] [-n NS] [--kubeconfig PATH]</c>: an attempt's worker log (the worker's
/// lines and BR's output, secrets redacted) as the operator kept it when the attempt ended or before it stopped the
/// pod, so it outlives the pod; for an attempt still running, the pod's own log. Without --attempt, the latest.
/// </summary>
public static class LogsCommand
{
    public static Command Create()
    {
        var segment = new Argument<string>("segment") { Description = "The PointRestoreSegment." };
        var attempt = new Option<int?>("--attempt") { Description = "The attempt, 1-based (default: the latest)." };
        var ns = new Option<string?>("--namespace", "-n") { Description = "Namespace (default: the kubeconfig context's, else default)." };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Kubeconfig file (default: $KUBECONFIG, else ~/.kube/config)." };
        var command = new Command("logs", "Show an attempt's worker and BR log, also after its pod is gone");
        command.Arguments.Add(segment);
        foreach (var option in new Option[] { attempt, ns, kubeconfig })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var (opened, inNamespace) = await KubeConnection.OpenAsync("logs", parse.GetValue(kubeconfig), parse.GetValue(ns)).ConfigureAwait(false);
            if (opened is null)
            {
                return 2;
            }

            using var client = opened;
            return await RunAsync(client, new LogsRequest(parse.GetValue(segment)!, inNamespace, parse.GetValue(attempt)), Console.Out, Console.Error, cancellationToken)
                .ConfigureAwait(false);
        });
        return command;
    }

    public sealed record LogsRequest(string Segment, string Namespace, int? Attempt = null);

    /// <summary>0: shown; 1: no such segment, attempt or log; 3: the API failed.</summary>
    public static async Task<int> RunAsync(IKubernetesClient client, LogsRequest request, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        try
        {
            var found = await client.GetAsync<PointRestoreSegment>(request.Segment, request.Namespace, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                await errors.WriteLineAsync($"logs: no PointRestoreSegment '{request.Segment}' in namespace {request.Namespace}; `segrestore status -n {request.Namespace}` lists the chains there").ConfigureAwait(false);
                return 1;
            }

            var kept = (await client.ListAsync<V1ConfigMap>(request.Namespace, new ListOptions
            {
                LabelSelector = $"{SegRestoreLabels.SegmentUid}={found.Metadata.Uid},{SegRestoreLabels.AttemptLog}=true",
            }, cancellationToken).ConfigureAwait(false)).Items.ToDictionary(AttemptOf);
            var attempts = Math.Max(found.Status?.Attempts ?? 0, kept.Count == 0 ? 0 : kept.Keys.Max());
            var wanted = request.Attempt ?? attempts;
            if (wanted < 1 || wanted > Math.Max(attempts, 1))
            {
                await errors.WriteLineAsync($"logs: --attempt {wanted}: {request.Segment} has {(attempts == 0 ? "no attempt yet" : $"attempts 1 to {attempts}")}").ConfigureAwait(false);
                return 1;
            }

            if (kept.TryGetValue(wanted, out var log) && Value(log.Data, SegRestoreLabels.AttemptLogKey) is { } text)
            {
                var omitted = Value(log.Metadata.Annotations, "segrestore.io/omitted-bytes") is { } o && o != "0" ? $"; its first {o} bytes were left out" : "";
                await errors.WriteLineAsync($"# attempt {wanted} of {request.Segment}, pod {Value(log.Metadata.Annotations, "segrestore.io/pod")}, as the operator kept it{omitted}")
                    .ConfigureAwait(false);
                await output.WriteAsync(text.EndsWith('\n') ? text : text + "\n").ConfigureAwait(false);
                return 0;
            }

            var pod = AttemptPodName(found, wanted);
            if (pod is not null && await client.GetAsync<V1Pod>(pod, request.Namespace, cancellationToken).ConfigureAwait(false) is not null)
            {
                await errors.WriteLineAsync($"# attempt {wanted} of {request.Segment}, from its pod {pod}").ConfigureAwait(false);
                await output.WriteAsync(await client.ReadPodLogAsync(pod, request.Namespace, "worker", cancellationToken: cancellationToken).ConfigureAwait(false))
                    .ConfigureAwait(false);
                return 0;
            }

            await errors.WriteLineAsync($"logs: attempt {wanted} of {request.Segment} has no kept log and no pod (the operator keeps a log when an attempt ends)").ConfigureAwait(false);
            return 1;
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException or TimeoutException)
        {
            await errors.WriteLineAsync($"logs: the API server failed: {e.Message}").ConfigureAwait(false);
            return 3;
        }
    }

    private static string? Value(IDictionary<string, string>? values, string key) =>
        values is not null && values.TryGetValue(key, out var value) ? value : null;

    private static int AttemptOf(V1ConfigMap map) =>
        int.TryParse(Value(map.Metadata.Labels, SegRestoreLabels.Attempt), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>The current attempt's pod from the status; earlier attempts' pods are named alike (name-aN).</summary>
    private static string? AttemptPodName(PointRestoreSegment segment, int attempt) =>
        segment.Status?.Attempts == attempt && segment.Status.WorkerPod is { Length: > 0 } current ? current : null;
}
