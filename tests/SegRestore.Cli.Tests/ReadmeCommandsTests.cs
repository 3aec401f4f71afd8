using System.CommandLine;
using System.Text.RegularExpressions;
using SegRestore.Api.Tests.Support;

namespace SegRestore.Cli.Tests;

/// <summary>Every command README prints names things that exist: make targets, `segrestore` commands, files.</summary>
public partial class ReadmeCommandsTests
{
    private static readonly string Readme = File.ReadAllText(RepositoryPaths.Combine("README.md"));

    [Fact]
    public void The_quick_start_sets_up_with_exactly_make_run_and_make_test()
    {
        var quickStart = Readme[Readme.IndexOf("## Quick start", StringComparison.Ordinal)..];
        var firstBlock = Fences().Matches(quickStart)[0].Groups["code"].Value;

        CommandLines(firstBlock).Should().Equal("make run", "make test");
    }

    [Fact]
    public void Every_make_target_readme_names_is_in_the_makefile()
    {
        var makefile = File.ReadAllText(RepositoryPaths.Combine("Makefile"));
        var targets = MakeWord().Matches(Readme).Select(m => m.Groups["target"].Value).Distinct().ToList();

        targets.Should().Contain(["run", "test", "plugin", "publish"]);
        targets.Should().OnlyContain(t => Regex.IsMatch(makefile, $"^{Regex.Escape(t)}:", RegexOptions.Multiline), "README's make targets exist");
    }

    [Fact]
    public void Every_segrestore_command_readme_prints_is_a_command_of_the_cli()
    {
        var root = Program.Create();
        var commands = Snippets().Select(s => SegrestoreCommand().Match(s)).Where(m => m.Success).ToList();

        commands.Should().NotBeEmpty();
        foreach (var command in commands)
        {
            var first = root.Subcommands.SingleOrDefault(c => c.Name == command.Groups["command"].Value);
            first.Should().NotBeNull("`{0}` names a segrestore command", command.Value);
            if (first!.Subcommands.Count > 0)
            {
                first.Subcommands.Select(c => c.Name).Should().Contain(command.Groups["sub"].Value, "`{0}` names a subcommand", command.Value);
            }
        }
    }

    [Fact]
    public void Every_repository_path_and_link_readme_names_exists()
    {
        var paths = Snippets().SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(t => RepoPath().IsMatch(t))
            .Concat(Links().Matches(Readme).Select(m => m.Groups["target"].Value).Where(t => !t.StartsWith("http", StringComparison.Ordinal) && !t.StartsWith("..", StringComparison.Ordinal)))
            .Select(t => t.Split('#')[0].TrimEnd('/'))
            .Distinct().ToList();

        paths.Should().Contain("config/samples/local-demo");
        paths.Should().OnlyContain(p => File.Exists(RepositoryPaths.Combine(p)) || Directory.Exists(RepositoryPaths.Combine(p)), "README names files that exist");
    }

    /// <summary>Inline code spans and the lines of fenced blocks, comments cut off.</summary>
    private static IEnumerable<string> Snippets()
    {
        var fences = Fences().Matches(Readme);
        var blocks = fences.SelectMany(f => CommandLines(f.Groups["code"].Value));
        var prose = Fences().Replace(Readme, "");
        return blocks.Concat(InlineCode().Matches(prose).Select(m => m.Groups["code"].Value.Trim()));
    }

    private static List<string> CommandLines(string block) => block.Split('\n')
        .Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).ToList();

    [GeneratedRegex("```[a-z]*\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fences();

    [GeneratedRegex("`(?<code>[^`\\n]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex("`make (?<target>[a-z][a-z-]*)|^make (?<target>[a-z][a-z-]*)|\\(`make (?<target>[a-z][a-z-]*)", RegexOptions.Multiline)]
    private static partial Regex MakeWord();

    [GeneratedRegex("^(?:kubectl )?segrestore (?<command>[a-z][a-z-]*)(?: (?<sub>[a-z][a-z-]*))?")]
    private static partial Regex SegrestoreCommand();

    [GeneratedRegex("^(config|docs|charts|crds|src|tests)/[\\w./-]*$")]
    private static partial Regex RepoPath();

    [GeneratedRegex("\\]\\((?<target>[^)\\s]+)\\)")]
    private static partial Regex Links();
}
