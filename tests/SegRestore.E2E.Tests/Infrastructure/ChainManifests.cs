using System.Globalization;
using k8s;
using k8s.Models;
using SegRestore.Api.Models;

namespace SegRestore.E2E.Tests.Infrastructure;

/// <summary>
/// The reference chain over a simulator world: segment i restores to restore point i; segment 0 carries the full
/// backup; every segment the log, the fake PD, the BR image and a short retry; segment i names segment i-1; the
/// final one is last.
/// </summary>
public static class ChainManifests
{
    public static List<PointRestoreSegment> Chain(
        string prefix, BrSimWorld world, string pd, string brImage = E2EEnvironment.BrImage, int? count = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        var n = count ?? world.Info.RestorePoints.Count;
        return Enumerable.Range(0, n).Select(i => Segment(prefix, world, pd, brImage, i, n)).ToList();
    }

    public static string Name(string prefix, int index) => $"{prefix}-{index.ToString(CultureInfo.InvariantCulture)}";

    private static PointRestoreSegment Segment(string prefix, BrSimWorld world, string pd, string brImage, int i, int n) => new()
    {
        Metadata = new V1ObjectMeta { Name = Name(prefix, i), NamespaceProperty = E2EEnvironment.Namespace },
        Spec = new PointRestoreSegmentSpec
        {
            Cluster = new ClusterSpec { Pd = pd },
            PreviousSegment = i == 0 ? null : Name(prefix, i - 1),
            FullBackup = i == 0 ? new StorageSpec { Url = world.Info.FullBackupStorage } : null,
            Log = new StorageSpec { Url = world.Info.LogBackupStorage },
            RestoredTs = world.Info.RestorePoints[i].ToString(CultureInfo.InvariantCulture),
            Last = i == n - 1,
            Br = new BrSpec { Image = brImage },
            Retry = new RetrySpec { MaxAttempts = 3, BackoffSeconds = 1 },
        },
    };
}
