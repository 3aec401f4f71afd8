using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SegRestore.Api.Labels;
using SegRestore.Operator.Controller;

namespace SegRestore.Operator.Tests.Controller;

public sealed class StartMarksTests
{
    private static V1ObjectMeta Meta(bool labelled, string[]? finalizers) => new()
    {
        Name = "s1",
        ResourceVersion = "42",
        Labels = labelled ? new Dictionary<string, string> { [SegRestoreLabels.Chain] = "uid-0", [SegRestoreLabels.Index] = "1" } : null,
        Finalizers = finalizers?.ToList(),
    };

    public static TheoryData<string, V1ObjectMeta, string?, string?> Cases => new()
    {
        // situation, metadata, expected finalizers in the patch (null: none), expected resourceVersion
        { "fresh segment", Meta(false, null), SegRestoreLabels.Finalizer, "42" },
        { "someone else's finalizer is kept", Meta(false, ["example.com/keep"]), $"example.com/keep,{SegRestoreLabels.Finalizer}", "42" },
        { "finalizer from an older operator, labels missing", Meta(false, [SegRestoreLabels.Finalizer]), null, null },
        { "labelled, finalizer missing", Meta(true, null), SegRestoreLabels.Finalizer, "42" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_first_start_labels_the_segment_and_adds_the_finalizer_in_one_patch(
        string situation, V1ObjectMeta metadata, string? finalizers, string? resourceVersion)
    {
        var patch = StartMarks.Patch(metadata, "uid-0", 1);

        patch.Should().NotBeNull(situation);
        var meta = JsonNode.Parse((string)patch!.Content)!["metadata"]!;
        meta["labels"]![SegRestoreLabels.Chain]!.GetValue<string>().Should().Be("uid-0");
        meta["labels"]![SegRestoreLabels.Index]!.GetValue<string>().Should().Be("1");
        var list = meta["finalizers"]?.AsArray().Select(f => f!.GetValue<string>());
        (list is null ? null : string.Join(',', list)).Should().Be(finalizers, situation);
        meta["resourceVersion"]?.GetValue<string>().Should().Be(resourceVersion, situation);
        if (resourceVersion is null)
        {
            meta["resourceVersion"].Should().BeNull(situation);
        }
    }

    [Fact]
    public void A_segment_that_carries_both_needs_no_write()
    {
        StartMarks.Patch(Meta(true, [SegRestoreLabels.Finalizer]), "uid-0", 1).Should().BeNull();
    }

    [Fact]
    public void A_label_naming_another_index_is_corrected()
    {
        StartMarks.Patch(Meta(true, [SegRestoreLabels.Finalizer]), "uid-0", 2).Should().NotBeNull();
    }
}
