using System.CommandLine;
using SegRestore.Cli.Validation;

namespace SegRestore.Cli.Commands;

/// <summary>
/// <c>segrestore validate -f DIR|FILE</c>: offline, the API server's schema check and the operator's chain rules over
/// every manifest given, with the operator's reasons and messages. Exit 1 when any is refused or Invalid.
/// </summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Option<string[]>("--filename", "-f")
        {
            Description = "A manifest file or a directory of *.yaml/*.yml files (repeatable); all are validated as one set.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("validate", "Check PointRestoreSegment manifests offline with the operator's rules");
        command.Options.Add(files);
        command.SetAction(parse => Run(parse.GetValue(files) ?? [], parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Validates; returns 0 (valid, maybe with warnings), 1 (invalid) or 2 (a path does not exist).</summary>
    public static int Run(IReadOnlyList<string> paths, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var fileList = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                fileList.AddRange(Directory.GetFiles(path).Where(IsYaml).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                fileList.Add(path);
            }
            else
            {
                error.WriteLine($"-f '{path}': no such file or directory; give a manifest file or a directory of them");
                return 2;
            }
        }

        var documents = new List<ManifestDocument>();
        var problems = new List<ManifestProblem>();
        foreach (var file in fileList)
        {
            var (parsed, parseError) = ManifestValidator.Parse(file, File.ReadAllText(file));
            documents.AddRange(parsed);
            if (parseError is not null)
            {
                problems.Add(parseError);
            }
        }

        problems.AddRange(ManifestValidator.Validate(documents));
        foreach (var problem in problems)
        {
            output.WriteLine(problem.IsError ? problem.ToString() : "warning: " + problem);
        }

        var errors = problems.Count(p => p.IsError);
        output.WriteLine($"{fileList.Count} file(s), {documents.Count} document(s): {errors} error(s), {problems.Count - errors} warning(s)");
        return errors > 0 ? 1 : 0;
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
