using SegRestore.LocalCluster.Kubelet;

namespace SegRestore.LocalCluster.Tests.Unit;

public class ProcessSessionTests
{
    public static TheoryData<string, string?, string?> Resolutions => new()
    {
        { "/bin/sh", null, "/bin/sh" },
        { "sh", "/nonexistent:/bin", "/bin/sh" },
        { "sh", "", null },
        { "sh", null, null },
        { "/nonexistent/program", "/bin", null },
        { "no-such-program-here", "/bin:/usr/bin", null },
    };

    [Theory]
    [MemberData(nameof(Resolutions))]
    public void A_program_resolves_to_an_existing_file_on_the_kubelets_path(string program, string? path, string? resolved) =>
        ProcessSession.Resolve(program, path).Should().Be(resolved);

    [Fact]
    public void A_resolvable_program_starts_through_setsid_with_its_arguments_and_an_unresolvable_one_directly()
    {
        var wrapped = ProcessSession.Wrap("sh", ["-c", "exit 0"], "/bin");

        wrapped.Should().NotBeNull("setsid execs in place, so the container's PID is its process group's id");
        wrapped!.Value.Program.Should().Be("/usr/bin/setsid");
        wrapped.Value.Arguments.Should().Equal("/bin/sh", "-c", "exit 0");
        ProcessSession.Wrap("no-such-program-here", [], "/bin").Should().BeNull("it starts directly and fails with the error it always had");
    }
}
