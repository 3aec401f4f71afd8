using k8s;
using k8s.Models;
using SegRestore.Kube.Informers;
using SegRestore.Kube.Runtime;

namespace SegRestore.Kube.Tests.Informers;

public class InformerCacheTests
{
    private static V1Pod Pod(string name, string rv, string? owner = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "ns",
            ResourceVersion = rv,
            Labels = owner is null ? null : new Dictionary<string, string> { ["owner"] = owner },
        },
    };

    [Fact]
    public void The_label_index_follows_relabels_and_removals()
    {
        var cache = new InformerCache<V1Pod>();
        cache.Upsert(Pod("p1", "1", "x"));
        cache.Upsert(Pod("p2", "1", "x"));
        cache.Upsert(Pod("p1", "2", "y"));

        cache.ListByLabel("owner", "x").Select(p => p.Metadata.Name).Should().Equal("p2");
        cache.ListByLabel("owner", "y").Select(p => p.Metadata.Name).Should().Equal("p1");
        cache.Remove(new ObjectKey("ns", "p2"));
        cache.ListByLabel("owner", "x").Should().BeEmpty();
        cache.Count.Should().Be(1);
    }

    [Fact]
    public void Replace_reports_added_changed_and_vanished_objects()
    {
        var cache = new InformerCache<V1Pod>();
        cache.Upsert(Pod("same", "1"));
        cache.Upsert(Pod("changed", "1"));
        cache.Upsert(Pod("gone", "1", "x"));

        var change = cache.Replace([Pod("same", "1"), Pod("changed", "2"), Pod("new", "3")]);

        change.Added.Select(p => p.Metadata.Name).Should().Equal("new");
        change.Modified.Select(p => p.Metadata.Name).Should().Equal("changed");
        change.Deleted.Select(p => p.Metadata.Name).Should().Equal("gone");
        cache.Get(new ObjectKey("ns", "gone")).Should().BeNull();
        cache.ListByLabel("owner", "x").Should().BeEmpty();
    }
}
