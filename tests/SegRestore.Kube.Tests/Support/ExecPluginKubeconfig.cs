using System.Text;

namespace SegRestore.Kube.Tests.Support;

/// <summary>
/// A kubeconfig whose user is an <c>exec</c> credential plugin, as EKS (<c>aws eks get-token</c>), GKE and AKS
/// (kubelogin) write them: a small shell script prints an ExecCredential with the token (and an expiry a few seconds
/// ahead, so the official provider, which refreshes 30 s before expiry, runs it again for every request). Each run
/// appends a line to <see cref="RunsFile"/>. The token is in the script's body, never on a command line.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ExecPluginKubeconfig : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("exec-kubeconfig-").FullName;

    /// <param name="server">The cluster's URL.</param>
    /// <param name="caPem">The cluster's CA (HTTPS).</param>
    /// <param name="token">The token the plugin prints.</param>
    /// <param name="expiresIn">Null prints no expirationTimestamp (the token is then fetched once).</param>
    /// <param name="failAfterRuns">From this many runs on, the plugin fails (exit 1) as an expired cloud login does.</param>
    public ExecPluginKubeconfig(string server, string? caPem, string token, TimeSpan? expiresIn = null, int? failAfterRuns = null)
    {
        RunsFile = Path.Combine(_directory, "runs");
        PluginPath = Path.Combine(_directory, "get-token.sh");
        // An unquoted here-document, so the shell fills in the expiry with date(1) when the plugin runs.
        var expiry = expiresIn is { } after
            ? ",\"expirationTimestamp\":\"$(date -u -d '+" + (int)after.TotalSeconds + " seconds' +%Y-%m-%dT%H:%M:%SZ)\""
            : "";
        string[] script =
        [
            "#!/bin/sh",
            failAfterRuns is { } limit
                ? $"[ -f '{RunsFile}' ] && [ $(wc -l < '{RunsFile}') -ge {limit} ] && {{ echo 'login expired' >&2; exit 1; }}"
                : ":",
            $"echo run >> '{RunsFile}'",
            "cat <<JSON",
            "{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"" + token + "\"" + expiry + "}}",
            "JSON",
        ];
        File.WriteAllText(PluginPath, string.Join('\n', script) + "\n");
        File.SetUnixFileMode(PluginPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        ClusterFile = Path.Combine(_directory, "cluster.yaml");
        UserFile = Path.Combine(_directory, "user.yaml");
        File.WriteAllText(ClusterFile, ClusterPart(server, caPem));
        File.WriteAllText(UserFile, "apiVersion: v1\nkind: Config\n" + UserPart());
        KubeconfigPath = Path.Combine(_directory, "config");
        File.WriteAllText(KubeconfigPath, ClusterPart(server, caPem) + UserPart());
    }

    /// <summary>The whole kubeconfig in one file.</summary>
    public string KubeconfigPath { get; }

    /// <summary>The cluster, context and current-context alone (its user is defined in <see cref="UserFile"/>).</summary>
    public string ClusterFile { get; }

    /// <summary>The exec user alone; with <see cref="ClusterFile"/> it makes a <c>KUBECONFIG=a:b</c> list.</summary>
    public string UserFile { get; }

    public string PluginPath { get; }

    public string RunsFile { get; }

    public int Runs => File.Exists(RunsFile) ? File.ReadAllLines(RunsFile).Length : 0;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string ClusterPart(string server, string? caPem)
    {
        var builder = new StringBuilder();
        builder.AppendLine("apiVersion: v1");
        builder.AppendLine("kind: Config");
        builder.AppendLine("current-context: exec");
        builder.AppendLine("clusters:");
        builder.AppendLine("- name: local");
        builder.AppendLine("  cluster:");
        builder.AppendLine($"    server: {server}");
        if (caPem is not null)
        {
            builder.AppendLine($"    certificate-authority-data: {Convert.ToBase64String(Encoding.ASCII.GetBytes(caPem))}");
        }

        builder.AppendLine("contexts:");
        builder.AppendLine("- name: exec");
        builder.AppendLine("  context: {cluster: local, user: exec-user, namespace: default}");
        return builder.ToString();
    }

    private string UserPart() => $"""
        users:
        - name: exec-user
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1beta1
              command: {PluginPath}
              args: []

        """;
}
