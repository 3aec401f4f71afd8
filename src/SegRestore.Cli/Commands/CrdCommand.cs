using System.CommandLine;

namespace SegRestore.Cli.Commands;

/// <summary><c>segrestore crd --output &lt;dir&gt;</c>: writes the CRD YAML generated from the C# types.</summary>
public static class CrdCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--output", "-o")
        {
            Description = "Directory to write " + CrdYaml.FileName + " into",
            DefaultValueFactory = _ => "crds",
        };
        var command = new Command("crd", "Generate the PointRestoreSegment CustomResourceDefinition YAML");
        command.Options.Add(output);
        command.SetAction(parseResult => Run(parseResult.GetValue(output)!, parseResult.InvocationConfiguration.Output));
        return command;
    }

    /// <summary>Writes the file; returns the exit code.</summary>
    public static int Run(string directory, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, CrdYaml.FileName);
        File.WriteAllText(path, CrdYaml.Render());
        log.WriteLine($"wrote {path}");
        return 0;
    }
}
