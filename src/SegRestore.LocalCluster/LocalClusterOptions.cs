using Microsoft.Extensions.Logging;
using SegRestore.LocalCluster.Kubelet;

namespace SegRestore.LocalCluster;

/// <summary>How to run LocalCluster. Defaults: HTTP on a free loopback port, in memory, kubelet on.</summary>
public sealed record LocalClusterOptions
{
    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Serve HTTPS with a generated CA (see <see cref="LocalClusterServer.CaCertificatePem"/>).</summary>
    public bool Https { get; init; }

    /// <summary>When set, every request needs <c>Authorization: Bearer &lt;token&gt;</c>. When not, every request is
    /// accepted, with or without a token (the kubeconfig then carries <see cref="KubeconfigWriter.AnonymousToken"/>).</summary>
    public string? BearerToken { get; init; }

    /// <summary>A SQLite file that keeps objects and the resourceVersion counter across restarts; null keeps
    /// everything in memory.</summary>
    public string? DataFile { get; init; }

    /// <summary>How many changes watches can resume from; older resourceVersions get 410.</summary>
    public int WatchHistory { get; init; } = 10_000;

    /// <summary>Events a watcher may fall behind before it is cut off with an in-stream 410.</summary>
    public int WatchBacklogLimit { get; init; } = 100_000;

    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The stream length when a watch gives no timeoutSeconds (a real server picks 30-60 minutes).</summary>
    public TimeSpan DefaultWatchTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Namespaces that exist from the start.</summary>
    public IReadOnlyList<string> InitialNamespaces { get; init; } = ["default", "kube-system", "kube-public"];

    public KubeletOptions Kubelet { get; init; } = new();

    public ILoggerFactory? LoggerFactory { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
