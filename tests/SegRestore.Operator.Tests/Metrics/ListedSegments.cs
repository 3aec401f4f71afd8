using SegRestore.Api.Models;
using SegRestore.Kube.Controller;
using SegRestore.Kube.Runtime;

namespace SegRestore.Operator.Tests.Metrics;

/// <summary>An informer cache holding what the test put in <see cref="Segments"/>.</summary>
internal sealed class ListedSegments : IControllerContext<PointRestoreSegment>
{
    public List<PointRestoreSegment> Segments { get; } = [];

    public IReadOnlyList<PointRestoreSegment> List() => [.. Segments];

    public PointRestoreSegment? Get(ObjectKey key) => null;

    public void Enqueue(ObjectKey key, TimeSpan? delay = null)
    {
    }
}
