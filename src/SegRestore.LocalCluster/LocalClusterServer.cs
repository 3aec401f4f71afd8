using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SegRestore.LocalCluster.Api;
using SegRestore.LocalCluster.Controllers;
using SegRestore.LocalCluster.Crd;
using SegRestore.LocalCluster.Faults;
using SegRestore.LocalCluster.Http;
using SegRestore.LocalCluster.Resources;
using SegRestore.LocalCluster.Security;
using SegRestore.LocalCluster.Semantics;
using SegRestore.LocalCluster.Storage;

namespace SegRestore.LocalCluster;

/// <summary>An embedded Kubernetes API server on Kestrel, bound to loopback. Start one with
/// <see cref="StartAsync"/>, point a client at <see cref="BaseUrl"/> (or <see cref="Kubeconfig"/>), dispose to
/// stop.</summary>
public sealed class LocalClusterServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ObjectStore _store;
    private readonly CertificateAuthority? _certificates;
    private readonly ClusterControllers _controllers;

    private LocalClusterServer(WebApplication app, ObjectStore store, ObjectService objects, FaultInjector faults,
        RequestCounter requests, CertificateAuthority? certificates, ClusterControllers controllers, LocalClusterOptions options)
    {
        Requests = requests;
        _app = app;
        _store = store;
        Objects = objects;
        Faults = faults;
        _certificates = certificates;
        _controllers = controllers;
        Options = options;
    }

    /// <summary>E.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public LocalClusterOptions Options { get; }

    /// <summary>The API semantics in-process, for tests that set up state without HTTP.</summary>
    public ObjectService Objects { get; }

    public FaultInjector Faults { get; }

    /// <summary>Every resource request received so far, by client (User-Agent), verb and resource.</summary>
    public RequestCounter Requests { get; }

    /// <summary>The CA that signed the serving certificate (HTTPS only).</summary>
    public string? CaCertificatePem => _certificates?.CaPem;

    /// <summary>The directory holding the data of claim <paramref name="claimName"/> in <paramref name="ns"/>
    /// (<c>&lt;kubelet work directory&gt;/persistentvolumeclaims/&lt;ns&gt;/&lt;claim&gt;</c>); it exists once a pod
    /// mounted the claim and is removed when the claim object is gone. Null when the kubelet is off.</summary>
    public string? ClaimDirectory(string ns, string claimName) => _controllers.ClaimDirectory(ns, claimName);

    public string Kubeconfig => KubeconfigWriter.Render(BaseUrl, CaCertificatePem, Options.BearerToken);

    public static async Task<LocalClusterServer> StartAsync(LocalClusterOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var loggers = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var persistence = options.DataFile is null ? null : new SqlitePersistence(options.DataFile);
        var store = new ObjectStore(options.WatchHistory, options.WatchBacklogLimit, persistence);
        var registry = new ResourceRegistry();
        var crds = new CrdRegistrar(registry, options.Time, loggers.CreateLogger<CrdRegistrar>());
        var objects = new ObjectService(store, registry, crds, options.Time, loggers.CreateLogger<ObjectService>())
        {
            GracefulPodDeletion = options.Kubelet.Enabled,
        };
        RestoreState(objects, store, crds, options);

        var faults = new FaultInjector();
        var requests = new RequestCounter();
        var certificates = options.Https ? CertificateAuthority.Create(options.Time) : null;
        var tables = new TableConverter(options.Time);
        var watches = new WatchStreamer(store, tables, faults, options.Time, options.BookmarkInterval);
        var endpoint = new ResourceEndpoint(objects, tables, watches, options.DefaultWatchTimeout);
        var controllers = new ClusterControllers(objects, options, loggers);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                if (certificates is not null)
                {
                    listen.UseHttps(certificates.ServerCertificate);
                }
            });
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        LocalClusterServer? server = null;
        var handler = new ApiRequestHandler(registry, endpoint, new DiscoveryDocuments(registry), faults, requests,
            controllers.PodLogs, options.BearerToken, () => new Uri(server!.BaseUrl).Authority,
            loggers.CreateLogger<ApiRequestHandler>());
        app.Run(handler.HandleAsync);
        server = new LocalClusterServer(app, store, objects, faults, requests, certificates, controllers, options);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        controllers.Start();
        var logger = loggers.CreateLogger<LocalClusterServer>();
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("LocalCluster serving at {Url}", server.BaseUrl);
        }
        return server;
    }

    /// <summary>Writes the kubeconfig to a file (mode 0600: it may hold a token).</summary>
    public async Task WriteKubeconfigAsync(string path, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(path, Kubeconfig, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _controllers.DisposeAsync().ConfigureAwait(false);
        // Open watches would hold Kestrel's graceful shutdown for its whole timeout: end them first, and give
        // any other open request a short grace.
        _store.CloseWatches();
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(grace.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _store.Dispose();
        _certificates?.Dispose();
    }

    /// <summary>Re-registers stored CRDs after a restart and creates the initial namespaces.</summary>
    private static void RestoreState(ObjectService objects, ObjectStore store, CrdRegistrar crds, LocalClusterOptions options)
    {
        var (stored, _) = store.List(BuiltInResources.CustomResourceDefinitions.Id, null);
        foreach (var crd in stored)
        {
            crds.Register(crd.ToJson());
        }

        foreach (var ns in options.InitialNamespaces)
        {
            if (objects.TryGet(BuiltInResources.Namespaces, null, ns) is null)
            {
                objects.Create(BuiltInResources.Namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } });
            }
        }
    }
}
