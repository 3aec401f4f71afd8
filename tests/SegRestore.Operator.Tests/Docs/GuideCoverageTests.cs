using SegRestore.Api.Chain;
using SegRestore.Br.Errors;
using SegRestore.Operator.Controller;

namespace SegRestore.Operator.Tests.Docs;

/// <summary>docs/guide.md tells the DBA what to do for every reason a segment can show.</summary>
public sealed class GuideCoverageTests
{
    public static TheoryData<string> Reasons()
    {
        var data = new TheoryData<string>();
        foreach (var reason in Enum.GetNames<ChainReason>().Concat(Enum.GetNames<BrFailureReason>())
                     .Concat([AttemptPolicy.PodDeleted, AttemptPolicy.WorkerLost, "ChainAbandoned", "ClusterUnreachable"]).Distinct())
        {
            data.Add(reason);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Reasons))]
    public void The_guide_names_every_reason(string reason) =>
        Guide.Value.Should().Contain(reason, "docs/guide.md must say what to do about {0}", reason);

    private static readonly Lazy<string> Guide = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SegRestore.sln")))
        {
            directory = directory.Parent;
        }

        return File.ReadAllText(Path.Combine(directory?.FullName ?? throw new InvalidOperationException("repository root not found"), "docs", "guide.md"));
    });
}
