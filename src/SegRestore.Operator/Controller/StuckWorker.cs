using k8s;
using k8s.Models;

namespace SegRestore.Operator.Controller;

/// <summary>
/// A live worker pod that will never run BR: a container waiting in a reason the kubelet retries without end
/// (CreateContainerConfigError, CreateContainerError, an image it cannot pull, InvalidImageName) or a pod the scheduler
/// cannot place, past its grace. Pure. <see cref="Stuck"/> ends the attempt with a typed, permanent reason;
/// <see cref="RecheckIn"/> says when to look again while the pod waits inside its grace.
/// </summary>
public sealed record StuckWorker(string? Reason, string? Message, TimeSpan? RecheckIn)
{
    public const string WorkerConfigError = "WorkerConfigError";
    public const string WorkerImageUnavailable = "WorkerImageUnavailable";
    public const string WorkerUnschedulable = "WorkerUnschedulable";

    private static readonly StuckWorker Fine = new(null, null, null);

    public bool Stuck => Reason is not null;

    public static StuckWorker Of(V1Pod pod, DateTimeOffset now, StuckWorkerGraces graces)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(graces);
        var created = pod.Metadata.CreationTimestamp is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : now;
        var age = now - created;
        var statuses = (pod.Status?.InitContainerStatuses ?? []).Concat(pod.Status?.ContainerStatuses ?? []);
        foreach (var status in statuses)
        {
            if (status.State?.Waiting is not { Reason: { Length: > 0 } reason } waiting)
            {
                continue;
            }

            var kubelet = Bounded(waiting.Message);
            var verdict = reason switch
            {
                "CreateContainerConfigError" or "CreateContainerError" => Judge(age, graces.ConfigError, WorkerConfigError,
                    $"container {status.Name} of worker pod {pod.Metadata.Name} cannot be created ({reason}: {kubelet}); " +
                    "a Secret, key or volume the pod names is missing: create it"),
                "InvalidImageName" => Judge(age, TimeSpan.Zero, WorkerImageUnavailable,
                    $"container {status.Name} of worker pod {pod.Metadata.Name} has image {status.Image}, which is not a valid image reference ({kubelet}; {ImageSource(status.Name)})"),
                "ErrImagePull" or "ImagePullBackOff" or "ErrImageNeverPull" => Judge(age, graces.ImagePull, WorkerImageUnavailable,
                    $"container {status.Name} of worker pod {pod.Metadata.Name} cannot pull image {status.Image} ({reason}: {kubelet}); " +
                    $"check that the image exists and that spec.worker.imagePullSecrets name a Secret that may pull it ({ImageSource(status.Name)})"),
                _ => null,
            };
            if (verdict is not null)
            {
                return verdict;
            }
        }

        var unscheduled = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled" && c.Status == "False" && c.Reason == "Unschedulable");
        return unscheduled is null
            ? Fine
            : Judge(age, graces.Unschedulable, WorkerUnschedulable,
                $"worker pod {pod.Metadata.Name} could not be scheduled for {Whole(age)} ({Bounded(unscheduled.Message)}); " +
                "free or add capacity, or fix the claims, node selector or tolerations it needs (spec.worker)");
    }

    private static string ImageSource(string container) => container == Workers.WorkerPodBuilder.InstallBrContainer
        ? "the BR image is spec.br.image, or the operator's Operator__DefaultBrImage when that is empty"
        : "the worker image is the operator's setting Operator__WorkerImage";

    private static StuckWorker Judge(TimeSpan age, TimeSpan grace, string reason, string message) =>
        age >= grace ? new(reason, message, null) : new(null, null, grace - age);

    private static string Bounded(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "no message" : Api.Chain.BoundedText.Elide(text, 300);

    private static string Whole(TimeSpan span) => span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min" : $"{(int)span.TotalSeconds} s";
}
