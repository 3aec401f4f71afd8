using k8s;
using k8s.Models;

namespace SegRestore.Operator.Controller;

/// <summary>One attempt's worker pod, built from the spec: its BR image, and the pod for a checkpoint claim (or none).</summary>
public sealed record WorkerPodPlan(string BrImage, Func<string?, V1Pod> Build);
