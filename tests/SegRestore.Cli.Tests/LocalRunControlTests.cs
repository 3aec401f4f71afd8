using SegRestore.Cli.Local;

namespace SegRestore.Cli.Tests;

public class LocalRunControlTests
{
    public static TheoryData<string?, bool, bool> Answers => new()
    {
        // answer file text, answers token "t1", succeeded
        { "t1\nok\noperator restarted (pid 5)\n", true, true },
        { "t1\nfailed\nsee operator.log\n", true, false },
        { "t0\nok\nan earlier request\n", false, false },
        { "t1\nok", false, false },
        { "t1\nmaybe\nx\n", false, false },
        { "", false, false },
        { null, false, false },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void An_answer_counts_only_for_its_own_request_and_only_when_whole(string? text, bool answers, bool succeeded)
    {
        var answer = LocalRunControlAnswer.Parse(text, "t1");

        (answer is not null).Should().Be(answers);
        if (answer is not null)
        {
            answer.Succeeded.Should().Be(succeeded);
        }
    }

    [Fact]
    public async Task A_request_is_taken_once_and_its_answer_reaches_the_asker()
    {
        using var directory = new TestDirectory();
        var control = new LocalRunControl(directory.Path);
        control.Announce();

        control.RunningPid().Should().Be(Environment.ProcessId);
        var token = control.Request();
        control.TakeRequest().Should().Be(token);
        control.TakeRequest().Should().BeNull("a request is served once");
        control.Answer(new LocalRunControlAnswer(token, true, "operator restarted"));
        var answer = await control.WaitForAnswerAsync(token, TimeSpan.FromSeconds(5), CancellationToken.None);

        answer.Should().Be(new LocalRunControlAnswer(token, true, "operator restarted"));
        control.Withdraw();
        control.RunningPid().Should().BeNull("no local run announces the directory");
    }

    [Fact]
    public async Task Restart_operator_without_a_running_local_run_names_the_directory_and_the_fix()
    {
        using var directory = new TestDirectory();
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            (await LocalRestartOperatorCommand.RunAsync(directory.Path, TimeSpan.FromSeconds(1), CancellationToken.None)).Should().Be(2);
        }
        finally
        {
            Console.SetError(previous);
        }

        error.ToString().Should().Contain("--dir '" + directory.Path + "'").And.Contain("make run");
    }

    [Theory]
    [InlineData("/usr/share/dotnet/dotnet", "/repo/bin/", "dotnet /repo/bin/segrestore.dll")]
    [InlineData("/home/u/.local/bin/segrestore", "/home/u/.local/bin/", "/home/u/.local/bin/segrestore")]
    [InlineData(null, "/repo/bin/", "dotnet /repo/bin/segrestore.dll")]
    public void The_printed_cli_command_is_the_one_that_runs_this_build(string? processPath, string baseDirectory, string expected) =>
        CliInvocation.For(processPath, baseDirectory).Should().Be(expected);
}
