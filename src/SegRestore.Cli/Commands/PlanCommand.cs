using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using SegRestore.Api.Models;
using SegRestore.Api.Serialization;
using SegRestore.Cli.Planning;
using SegRestore.Cli.Validation;
using SegRestore.Cli.Yaml;

namespace SegRestore.Cli.Commands;

/// <summary>
/// <c>segrestore plan</c>: writes a chain of PointRestoreSegment manifests, one file per segment
/// (<c>&lt;name&gt;-&lt;i&gt;.yaml</c>), after checking them with the same rules as <c>validate</c>.
/// </summary>
public static class PlanCommand
{
    private static readonly JsonSerializerOptions Json = SegRestoreJsonContext.Default.Options;

    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Chain name: segments are <name>-0, <name>-1, ...", Required = true };
        var ns = new Option<string>("--namespace", "-n") { Description = "Namespace of the segments.", DefaultValueFactory = _ => "default" };
        var pd = new Option<string>("--pd") { Description = "PD address of the target cluster (host:port).", Required = true };
        var full = new Option<string>("--full-backup") { Description = "URL of the full backup (s3://, gcs://, azure://, local://).", Required = true };
        var fullSecret = new Option<string?>("--full-backup-secret") { Description = "Secret with the full backup storage's credentials." };
        var log = new Option<string>("--log") { Description = "URL of the log backup.", Required = true };
        var logSecret = new Option<string?>("--log-secret") { Description = "Secret with the log storage's credentials." };
        var from = new Option<string>("--from") { Description = "Where the log restore starts (the full backup's time): a TSO or a time with a zone.", Required = true };
        var to = new Option<string>("--to") { Description = "The final restore point: a TSO or a time with a zone.", Required = true };
        var segments = new Option<int?>("--segments") { Description = "Split (from, to] into N equal segments." };
        var every = new Option<string?>("--every") { Description = "One segment per interval, e.g. 6h, 90m, 1d." };
        var brImage = new Option<string?>("--br-image") { Description = "BR image for every segment (default: the operator's)." };
        var hold = new Option<bool>("--hold-after-first") { Description = "Segments after the first start with spec.hold: true (release each with kubectl patch)." };
        var window = new Option<string?>("--log-window") { Description = "The log backup's window MIN..MAX (br log metadata, or a segment's status.logWindow): the plan must lie inside it." };
        var output = new Option<string>("--output", "-o") { Description = "Directory to write the manifests into.", Required = true };
        var command = new Command("plan", "Write the manifests of a segmented restore chain");
        foreach (var option in new Option[] { name, ns, pd, full, fullSecret, log, logSecret, from, to, segments, every, brImage, hold, window, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Run(new PlanRequest
        {
            Name = parse.GetValue(name)!,
            Namespace = parse.GetValue(ns)!,
            Pd = parse.GetValue(pd)!,
            FullBackupUrl = parse.GetValue(full)!,
            FullBackupSecret = parse.GetValue(fullSecret),
            LogUrl = parse.GetValue(log)!,
            LogSecret = parse.GetValue(logSecret),
            From = parse.GetValue(from)!,
            To = parse.GetValue(to)!,
            Segments = parse.GetValue(segments),
            Every = parse.GetValue(every),
            BrImage = parse.GetValue(brImage),
            HoldAfterFirst = parse.GetValue(hold),
            LogWindow = parse.GetValue(window),
        }, parse.GetValue(output)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Plans, checks and writes; 0 on success, 1 when the request or the result is refused.</summary>
    public static int Run(PlanRequest request, string directory, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var plan = ChainPlanner.Plan(request);
        if (plan.Error is not null)
        {
            error.WriteLine("plan: " + plan.Error);
            return 1;
        }

        var files = plan.Segments.Select(segment => (File: Path.Combine(directory, segment.Metadata.Name + ".yaml"), Text: Render(segment, plan.Segments.Count))).ToList();
        var problems = ManifestValidator.Validate(files.Select(f => new ManifestDocument(f.File, YamlJson.ParseDocuments(f.Text)[0])).ToList())
            .Where(p => p.IsError).ToList();
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                error.WriteLine("plan: " + problem);
            }

            error.WriteLine("plan: nothing written; fix the options named in the spec fields above");
            return 1;
        }

        Directory.CreateDirectory(directory);
        foreach (var (file, text) in files)
        {
            File.WriteAllText(file, text);
        }

        output.WriteLine($"wrote {files.Count} segment(s) to {directory}: {string.Join(", ", plan.Segments.Select(DescribeRange))}");
        return 0;
    }

    public static string Render(PointRestoreSegment segment, int count)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var json = (JsonObject)JsonSerializer.SerializeToNode(segment, Json)!;
        json.Remove("status");
        var index = segment.Metadata.Name![(segment.Metadata.Name!.LastIndexOf('-') + 1)..];
        var header = $"# Planned by `segrestore plan`, segment {index} of 0..{count - 1}: " +
            (segment.Spec.FullBackup is not null ? "the full backup, then the log" : "the log from the previous segment's restored TSO") +
            $" up to {segment.Spec.RestoredTs}.\n";
        return header + YamlJson.ToYaml(json);
    }

    private static string DescribeRange(PointRestoreSegment segment) => $"{segment.Metadata.Name} -> {segment.Spec.RestoredTs}";
}
