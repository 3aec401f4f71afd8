using System.Text.Json.Nodes;
using SegRestore.Api.Labels;
using SegRestore.Operator.Configuration;

namespace SegRestore.Cli.Manifests;

/// <summary>config/operator.yaml: the operator's Deployment, its Service (reporter + http), the NetworkPolicy that
/// admits worker pods to the reporter port only, and a PodDisruptionBudget.</summary>
public static class OperatorManifests
{
    public const int RunAsUser = 65532;

    public static IReadOnlyList<JsonObject> Build(ManifestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new OperatorOptions();
        return
        [
            Deployment(settings, options),
            Service(settings.Namespace, options),
            NetworkPolicy(settings.Namespace, options),
            DisruptionBudget(settings.Namespace),
        ];
    }

    private static JsonObject Deployment(ManifestSettings settings, OperatorOptions options) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = ManifestMetadata.Of(ManifestNames.Operator, settings.Namespace),
        ["spec"] = new JsonObject
        {
            ["replicas"] = 1,
            ["selector"] = new JsonObject { ["matchLabels"] = ManifestMetadata.SelectorLabels() },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = ManifestMetadata.Labels() },
                ["spec"] = PodSpec(settings, options),
            },
        },
    };

    private static JsonObject PodSpec(ManifestSettings settings, OperatorOptions options) => new()
    {
        ["serviceAccountName"] = ManifestNames.Operator,
        ["enableServiceLinks"] = false,
        ["terminationGracePeriodSeconds"] = 30,
        ["securityContext"] = new JsonObject
        {
            ["runAsNonRoot"] = true,
            ["runAsUser"] = RunAsUser,
            ["runAsGroup"] = RunAsUser,
            ["fsGroup"] = RunAsUser,
            ["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" },
        },
        ["containers"] = new JsonArray(new JsonObject
        {
            ["name"] = "operator",
            ["image"] = settings.OperatorImage,
            ["imagePullPolicy"] = "IfNotPresent",
            ["ports"] = new JsonArray(
                Port(ManifestNames.ReporterPortName, options.ReporterPort),
                Port(ManifestNames.HttpPortName, options.HttpPort)),
            ["env"] = OperatorEnvironment.For(settings),
            ["livenessProbe"] = Probe("/healthz", failureThreshold: 3),
            ["readinessProbe"] = Probe("/readyz", failureThreshold: 2),
            ["resources"] = new JsonObject
            {
                ["requests"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "128Mi" },
                ["limits"] = new JsonObject { ["memory"] = "512Mi" },
            },
            ["securityContext"] = new JsonObject
            {
                ["allowPrivilegeEscalation"] = false,
                ["readOnlyRootFilesystem"] = true,
                ["runAsNonRoot"] = true,
                ["capabilities"] = new JsonObject { ["drop"] = new JsonArray("ALL") },
            },
            // The only writable path: the reporter spools checkpoint uploads under the temp directory.
            ["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "tmp", ["mountPath"] = "/tmp" }),
        }),
        ["volumes"] = new JsonArray(new JsonObject { ["name"] = "tmp", ["emptyDir"] = new JsonObject() }),
    };

    private static JsonObject Port(string name, int port) =>
        new() { ["name"] = name, ["containerPort"] = port, ["protocol"] = "TCP" };

    private static JsonObject Probe(string path, int failureThreshold) => new()
    {
        ["httpGet"] = new JsonObject { ["path"] = path, ["port"] = ManifestNames.HttpPortName },
        ["initialDelaySeconds"] = 5,
        ["periodSeconds"] = 10,
        ["timeoutSeconds"] = 5,
        ["failureThreshold"] = failureThreshold,
    };

    private static JsonObject Service(string @namespace, OperatorOptions options) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = ManifestMetadata.Of(ManifestNames.Operator, @namespace),
        ["spec"] = new JsonObject
        {
            ["selector"] = ManifestMetadata.SelectorLabels(),
            ["ports"] = new JsonArray(
                ServicePort(ManifestNames.ReporterPortName, options.ReporterPort),
                ServicePort(ManifestNames.HttpPortName, options.HttpPort)),
        },
    };

    private static JsonObject ServicePort(string name, int port) =>
        new() { ["name"] = name, ["port"] = port, ["targetPort"] = name, ["protocol"] = "TCP" };

    private static JsonObject NetworkPolicy(string @namespace, OperatorOptions options) => new()
    {
        ["apiVersion"] = "networking.k8s.io/v1",
        ["kind"] = "NetworkPolicy",
        ["metadata"] = ManifestMetadata.Of(ManifestNames.Operator, @namespace),
        ["spec"] = new JsonObject
        {
            ["podSelector"] = new JsonObject { ["matchLabels"] = ManifestMetadata.SelectorLabels() },
            ["policyTypes"] = new JsonArray("Ingress"),
            ["ingress"] = new JsonArray(
                // Worker pods, in any namespace, reach the reporter and nothing else of the operator.
                Ingress(new JsonObject
                {
                    ["matchLabels"] = new JsonObject
                    {
                        [SegRestoreLabels.Component] = SegRestoreLabels.WorkerComponent,
                        [SegRestoreLabels.ManagedBy] = SegRestoreLabels.ManagedByValue,
                    },
                }, options.ReporterPort),
                // Everything but worker pods may scrape /metrics and probe /healthz, /readyz.
                Ingress(new JsonObject
                {
                    ["matchExpressions"] = new JsonArray(new JsonObject
                    {
                        ["key"] = SegRestoreLabels.Component,
                        ["operator"] = "NotIn",
                        ["values"] = new JsonArray(SegRestoreLabels.WorkerComponent),
                    }),
                }, options.HttpPort)),
        },
    };

    private static JsonObject Ingress(JsonObject podSelector, int port) => new()
    {
        ["from"] = new JsonArray(new JsonObject { ["namespaceSelector"] = new JsonObject(), ["podSelector"] = podSelector }),
        ["ports"] = new JsonArray(new JsonObject { ["protocol"] = "TCP", ["port"] = port }),
    };

    private static JsonObject DisruptionBudget(string @namespace) => new()
    {
        ["apiVersion"] = "policy/v1",
        ["kind"] = "PodDisruptionBudget",
        ["metadata"] = ManifestMetadata.Of(ManifestNames.Operator, @namespace),
        ["spec"] = new JsonObject
        {
            // One operator pod may go at a time: a lone replica can still be drained (a chain only pauses while the
            // operator restarts), and with more replicas the leader's successor stays up.
            ["maxUnavailable"] = 1,
            ["selector"] = new JsonObject { ["matchLabels"] = ManifestMetadata.SelectorLabels() },
        },
    };
}
