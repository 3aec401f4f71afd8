using System.Globalization;

namespace SegRestore.Cli.Local;

/// <summary>The operator's environment for `local run` (as a Deployment would set it).</summary>
public static class LocalOperatorEnvironment
{
    /// <summary>The operator's configuration for `local run`: everything the E2E harness sets, nothing secret.</summary>
    public static Dictionary<string, string> For(LocalRunSettings settings, string kubeconfig)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var reporter = settings.ReporterPort.ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>
        {
            ["KUBECONFIG"] = kubeconfig,
            ["Operator__Namespace"] = LocalRunSettings.Namespace,
            ["Operator__WorkerImage"] = LocalRunSettings.WorkerImage,
            ["Operator__DefaultBrImage"] = LocalRunSettings.DefaultBrImage,
            ["Operator__ReporterPort"] = reporter,
            ["Operator__ReporterUrl"] = "http://127.0.0.1:" + reporter,
            ["Operator__HttpPort"] = settings.OperatorHttpPort.ToString(CultureInfo.InvariantCulture),
            ["Operator__WorkerSyncIntervalSeconds"] = "2",
            ["Operator__WorkerProgressIntervalSeconds"] = "1",
            ["Operator__ProgressWriteIntervalSeconds"] = "1",
            // Two operators never reconcile at once: one started beside another (or a restart racing the old
            // process) waits for the segrestore-operator Lease.
            ["Operator__LeaderElection"] = "true",
            // The sample TidbCluster's PD Service has no DNS here: the operator dials the fake PD in its place.
            ["Operator__EndpointAliases"] = LocalRunSettings.SamplePdService + "=" + settings.PdAddress,
            ["Ledger__Store"] = "configMap",
            ["Ledger__Namespace"] = LocalRunSettings.Namespace,
            ["Logging__Console__FormatterName"] = "simple",
        };
    }
}
