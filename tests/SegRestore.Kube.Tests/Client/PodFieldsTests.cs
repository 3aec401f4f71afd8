using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using SegRestore.Api.Serialization;
using SegRestore.LocalCluster.Typed;

namespace SegRestore.Kube.Tests.Client;

/// <summary>The client sends no fieldValidation, so the server's default (Warn) applies: an unknown field would be
/// dropped with only a warning nobody reads. Every property of the official Pod model, serialised as the client
/// serialises it, is a field of core/v1 Pod with its JSON type as LocalCluster serves it (Kubernetes 1.32), except
/// the fields the official model has from later Kubernetes versions, which a 1.32 server drops as well; the project
/// sets none of them.</summary>
public sealed class PodFieldsTests
{
    /// <summary>Fields of the official 21.0.8 model newer than the API LocalCluster serves.</summary>
    private static readonly string[] NewerThanLocalCluster =
    [
        "spec.containers[0].env[0].valueFrom.fileKeyRef", "spec.containers[0].restartPolicyRules",
        "spec.containers[0].volumeMounts[0].bindMountOptions", "spec.evictionResponders", "spec.hostnameOverride",
        "spec.initContainers[0].env[0].valueFrom.fileKeyRef", "spec.initContainers[0].restartPolicyRules",
        "spec.initContainers[0].volumeMounts[0].bindMountOptions", "spec.schedulingGroup",
        "spec.volumes[0].configMap.defaultUser", "spec.volumes[0].configMap.items[0].user", "spec.volumes[0].emptyDir.mode",
        "spec.volumes[0].secret.defaultUser", "spec.volumes[0].secret.items[0].user",
    ];

    public static TheoryData<string> Parts => new() { "metadata", "spec", "spec.containers", "spec.volumes", "status" };

    [Theory]
    [MemberData(nameof(Parts))]
    public void Every_property_of_the_pod_model_is_a_known_field_of_the_right_type(string part)
    {
        var pod = (V1Pod)Populate(typeof(V1Pod), depth: 0)!;
        var json = JsonNode.Parse(KubernetesJson.Serialize(pod))!.AsObject();

        var pruned = TypedDecoder.Prune(PodSchema.Pod, (JsonObject)json.DeepClone());

        TypedDecoder.TypeError(PodSchema.Pod, json).Should().BeNull();
        pruned.Where(path => path.StartsWith(part, StringComparison.Ordinal)).Except(NewerThanLocalCluster).Should().BeEmpty();
        Navigate(json, part).Should().NotBeNull("the populated model writes {0}", part);
    }

    private static JsonNode? Navigate(JsonNode node, string path) =>
        path.Split('.').Aggregate<string, JsonNode?>(node, (current, name) => current is JsonArray array ? array[0]?[name] : current?[name]);

    /// <summary>An instance with every settable property set to a value of its type (one element per list).</summary>
    private static object? Populate(Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "1";
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return Convert.ChangeType(1, type, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type == typeof(DateTime))
        {
            return new DateTime(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc);
        }

        if (type == typeof(ResourceQuantity))
        {
            return new ResourceQuantity("1");
        }

        if (type == typeof(IntOrString))
        {
            return (IntOrString)"1";
        }

        if (type == typeof(object))
        {
            return JsonDocument.Parse("{}").RootElement.Clone();
        }

        if (type == typeof(JsonElement))
        {
            return JsonDocument.Parse("{}").RootElement.Clone();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var generic
            && (generic == typeof(IDictionary<,>) || generic == typeof(Dictionary<,>)))
        {
            var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments()))!;
            map["cpu"] = Populate(type.GetGenericArguments()[1], depth + 1);
            return map;
        }

        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IList<>) || type.GetGenericTypeDefinition() == typeof(List<>)))
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type.GetGenericArguments()))!;
            list.Add(Populate(type.GetGenericArguments()[0], depth + 1));
            return list;
        }

        if (depth > 12 || !type.IsClass)
        {
            return null;
        }

        var instance = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            property.SetValue(instance, Populate(property.PropertyType, depth + 1));
        }

        return instance;
    }
}
