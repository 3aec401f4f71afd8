using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Protobuf;

/// <summary>Decodes the Kubernetes protobuf bodies kubectl's typed commands send (<c>kubectl create namespace |
/// configmap | secret | serviceaccount</c>): the <c>k8s\0</c> magic, a <c>runtime.Unknown</c> envelope
/// {typeMeta 1, raw 2}, and the object's message. Only the fields a client sets on create are decoded (metadata name,
/// generateName, namespace, labels, annotations, finalizers; data, binaryData, stringData, type, immutable); other
/// kinds return null so the caller answers 415.</summary>
public static class KubernetesProtobuf
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";
    private static readonly byte[] Magic = [0x6b, 0x38, 0x73, 0x00];

    public static JsonObject? Decode(byte[] body)
    {
        if (body.Length < Magic.Length || !body.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new FormatException("not a Kubernetes protobuf message (missing the k8s\\0 prefix)");
        }

        string? apiVersion = null;
        string? kind = null;
        ProtoReader? raw = null;
        var envelope = new ProtoReader(body, Magic.Length, body.Length);
        while (envelope.Next(out var field, out _, out var nested))
        {
            if (field == 1 && nested is not null)
            {
                while (nested.Next(out var typeField, out _, out var value))
                {
                    (apiVersion, kind) = typeField switch
                    {
                        1 => (value!.Text(), kind),
                        2 => (apiVersion, value!.Text()),
                        _ => (apiVersion, kind),
                    };
                }
            }
            else if (field == 2)
            {
                raw = nested;
            }
        }

        if (raw is null || kind is not ("Namespace" or "ConfigMap" or "Secret" or "ServiceAccount"))
        {
            return null;
        }

        var obj = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        while (raw.Next(out var field, out var number, out var nested))
        {
            switch (kind, field)
            {
                case (_, 1):
                    obj["metadata"] = Metadata(nested!);
                    break;
                case ("ConfigMap", 2):
                    AddEntry(obj, "data", nested!, binary: false);
                    break;
                case ("ConfigMap", 3) or ("Secret", 2):
                    AddEntry(obj, kind == "Secret" ? "data" : "binaryData", nested!, binary: true);
                    break;
                case ("ConfigMap", 4) or ("Secret", 5):
                    obj["immutable"] = number != 0;
                    break;
                case ("Secret", 3):
                    obj["type"] = nested!.Text();
                    break;
                case ("Secret", 4):
                    AddEntry(obj, "stringData", nested!, binary: false);
                    break;
                default:
                    break;
            }
        }

        return obj;
    }

    private static JsonObject Metadata(ProtoReader reader)
    {
        var metadata = new JsonObject();
        while (reader.Next(out var field, out _, out var nested))
        {
            switch (field)
            {
                case 1:
                    metadata["name"] = nested!.Text();
                    break;
                case 2:
                    metadata["generateName"] = nested!.Text();
                    break;
                case 3:
                    metadata["namespace"] = nested!.Text();
                    break;
                case 11:
                    AddEntry(metadata, "labels", nested!, binary: false);
                    break;
                case 12:
                    AddEntry(metadata, "annotations", nested!, binary: false);
                    break;
                case 14:
                    var finalizers = metadata["finalizers"] as JsonArray ?? [];
                    finalizers.Add(nested!.Text());
                    metadata["finalizers"] = finalizers;
                    break;
                default:
                    break;
            }
        }

        return metadata;
    }

    /// <summary>A map entry (key 1, value 2) added to the named map member; bytes become base64, as in JSON.</summary>
    private static void AddEntry(JsonObject target, string member, ProtoReader entry, bool binary)
    {
        string? key = null;
        JsonNode? value = "";
        while (entry.Next(out var field, out _, out var nested))
        {
            if (field == 1)
            {
                key = nested!.Text();
            }
            else if (field == 2)
            {
                value = binary ? Convert.ToBase64String(nested!.Bytes()) : nested!.Text();
            }
        }

        if (key is null)
        {
            return;
        }

        var map = target[member] as JsonObject ?? [];
        map[key] = value;
        target[member] = map;
    }
}
