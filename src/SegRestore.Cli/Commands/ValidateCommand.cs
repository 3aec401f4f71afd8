using System.CommandLine;
using SegRestore.Api.Models;
using SegRestore.Cli.Validation;
using SegRestore.Kube.Client;

namespace SegRestore.Cli.Commands;

/// <summary>
/// <c>segrestore validate -f DIR|FILE [--cluster]</c>: the API server's schema check and the operator's chain rules over
/// every manifest given, with the operator's reasons and messages. Offline by default; with <c>--cluster</c> the
/// manifests are judged against the segments the cluster already holds (through the user's kubeconfig and the official
/// client), as the operator would see them after the apply. Exit 1 when any is refused or Invalid, 2 when an input or
/// the kubeconfig cannot be read, 3 when the cluster cannot be asked.
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
        var cluster = new Option<bool>("--cluster")
        {
            Description = "Also judge the manifests against the segments already in the cluster (the operator's view after the apply).",
        };
        var ns = new Option<string?>("--namespace", "-n") { Description = "With --cluster: the namespace of manifests that name none (default: the kubeconfig context's, else default)." };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "With --cluster: kubeconfig file (default: $KUBECONFIG, else ~/.kube/config)." };
        var command = new Command("validate", "Check PointRestoreSegment manifests with the operator's rules, offline or against the cluster");
        command.Options.Add(files);
        command.Options.Add(cluster);
        command.Options.Add(ns);
        command.Options.Add(kubeconfig);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (!parse.GetValue(cluster))
            {
                return Run(parse.GetValue(files) ?? [], output, error);
            }

            var (client, inNamespace) = await KubeConnection.OpenAsync("validate", parse.GetValue(kubeconfig), parse.GetValue(ns)).ConfigureAwait(false);
            if (client is null)
            {
                return 2;
            }

            using (client)
            {
                return await RunAgainstClusterAsync(parse.GetValue(files) ?? [], client, inNamespace, output, error, cancellationToken).ConfigureAwait(false);
            }
        });
        return command;
    }

    /// <summary>As <see cref="Run"/>, judged against the segments of every namespace the manifests go to.</summary>
    public static async Task<int> RunAgainstClusterAsync(
        IReadOnlyList<string> paths, IKubernetesClient client, string defaultNamespace, TextWriter output, TextWriter error,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(error);
        if (Read(paths, error) is not { } read)
        {
            return 2;
        }

        var live = new List<PointRestoreSegment>();
        foreach (var ns in ManifestValidator.SegmentNamespaces(read.Documents, defaultNamespace))
        {
            try
            {
                live.AddRange((await client.ListAsync<PointRestoreSegment>(ns, cancellationToken: cancellationToken).ConfigureAwait(false)).Items);
            }
            catch (Exception e) when (e is KubernetesApiException or HttpRequestException or TimeoutException)
            {
                await error.WriteLineAsync($"validate --cluster: cannot list the segments of namespace '{ns}': {e.Message}; " +
                    "check the kubeconfig's context and that it may list pointrestoresegments there, or validate offline without --cluster").ConfigureAwait(false);
                return 3;
            }
        }

        return Report(read, ManifestValidator.Validate(read.Documents, live, defaultNamespace), output, $", against {live.Count} segment(s) in the cluster");
    }

    /// <summary>Validates; returns 0 (valid, maybe with warnings), 1 (invalid) or 2 (a path does not exist).</summary>
    public static int Run(IReadOnlyList<string> paths, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Read(paths, error) is { } read ? Report(read, ManifestValidator.Validate(read.Documents), output, "") : 2;
    }

    private static int Report(ReadManifests read, IReadOnlyList<ManifestProblem> found, TextWriter output, string against)
    {
        ArgumentNullException.ThrowIfNull(output);
        var problems = read.Problems.Concat(found).ToList();
        foreach (var problem in problems)
        {
            output.WriteLine(problem.IsError ? problem.ToString() : "warning: " + problem);
        }

        var errors = problems.Count(p => p.IsError);
        output.WriteLine($"{read.Files} file(s), {read.Documents.Count} document(s){against}: {errors} error(s), {problems.Count - errors} warning(s)");
        return errors > 0 ? 1 : 0;
    }

    /// <summary>The documents of every file (a syntax error is a problem), or null when a path does not exist.</summary>
    private static ReadManifests? Read(IReadOnlyList<string> paths, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(paths);
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
                return null;
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

        return new ReadManifests(fileList.Count, documents, problems);
    }

    private static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
