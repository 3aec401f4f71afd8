using System.Text.RegularExpressions;
using SegRestore.Api.Tests.Support;

namespace SegRestore.Deploy.Tests.Images;

/// <summary>
/// No docker here: cheap text checks that each Dockerfile copies what `make publish` produces, runs the
/// self-contained executable on runtime-deps, and runs as a non-root user.
/// </summary>
public class DockerfileTests
{
    public static TheoryData<string, string, string> Images() => new()
    {
        { "operator.Dockerfile", "artifacts/publish/operator/", "SegRestore.Operator" },
        { "worker.Dockerfile", "artifacts/publish/worker/", "SegRestore.Worker" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Dockerfile_copies_the_publish_output_that_make_publish_writes(string dockerfile, string publishDirectory, string project)
    {
        var text = File.ReadAllText(RepositoryPaths.Combine("docker", dockerfile));
        var makefile = File.ReadAllText(RepositoryPaths.Combine("Makefile"));

        text.Should().Contain($"COPY {publishDirectory} ");
        makefile.Should().MatchRegex($@"publish src/{project}/{project}\.csproj -c Release -r linux-x64 --self-contained .*-o \$\(PUBLISH_DIR\)/{Path.GetFileName(publishDirectory.TrimEnd('/'))}")
            .And.Contain("PUBLISH_DIR := artifacts/publish");
        File.Exists(RepositoryPaths.Combine("src", project, project + ".csproj")).Should().BeTrue();
        text.Should().Contain($"ENTRYPOINT [\"/app/{project}\"]", "the self-contained apphost is named after the project");
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Dockerfile_runs_non_root_on_runtime_deps_without_writes_outside_tmp(string dockerfile, string publishDirectory, string project)
    {
        _ = (publishDirectory, project);
        var lines = File.ReadAllLines(RepositoryPaths.Combine("docker", dockerfile)).Where(l => !l.TrimStart().StartsWith('#')).ToList();
        var stages = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        stages.Should().HaveCountGreaterThanOrEqualTo(1);
        stages[^1].Should().Be("FROM mcr.microsoft.com/dotnet/runtime-deps:10.0", "a self-contained app needs only the runtime's native dependencies");
        var lastStage = lines.Skip(lines.LastIndexOf(stages[^1])).ToList();
        var user = lastStage.Where(l => l.StartsWith("USER ", StringComparison.Ordinal)).Should().ContainSingle().Subject;
        Regex.Match(user, @"^USER (?<uid>\d+)(:\d+)?$").Groups["uid"].Value.Should().Be("65532", "the image runs as the non-root user the pods' securityContext names");
        lastStage.Should().NotContain(l => l.StartsWith("RUN ", StringComparison.Ordinal), "the runtime stage only copies files; nothing runs as root there");
        lastStage.Should().Contain(l => l.Contains("DOTNET_EnableDiagnostics=0", StringComparison.Ordinal), "no diagnostics socket on a read-only root filesystem");
    }
}
