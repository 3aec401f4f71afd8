using System.Text;
using System.Text.Json.Nodes;

namespace SegRestore.LocalCluster.Http;

/// <summary>A minimal, valid OpenAPI v2 document (item 12). kubectl asks for the protobuf form and fails on
/// anything else except 404/403/406, so the document is also served as the <c>openapi_v2.Document</c> protobuf
/// message: field 1 <c>swagger</c> = "2.0", field 2 <c>info</c> = { 1 title, 2 version }. With no paths, kubectl
/// finds no schema for any kind and skips client-side validation, as with a server that publishes none.</summary>
public static class OpenApiDocument
{
    /// <summary>Clients ask for <c>...spec.v2@v1.0+protobuf</c>; servers answer with this form, because Go's MIME
    /// parser rejects the '@'.</summary>
    public const string ProtobufMediaType = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";
    private const string Title = "SegRestore LocalCluster";

    public static JsonObject Json() => new()
    {
        ["swagger"] = "2.0",
        ["info"] = new JsonObject { ["title"] = Title, ["version"] = DiscoveryDocuments.KubernetesVersion },
        ["paths"] = new JsonObject(),
        ["definitions"] = new JsonObject(),
    };

    public static byte[] Protobuf()
    {
        var info = new List<byte>();
        AppendString(info, 1, Title);
        AppendString(info, 2, DiscoveryDocuments.KubernetesVersion);
        var document = new List<byte>();
        AppendString(document, 1, "2.0");
        AppendBytes(document, 2, [.. info]);
        return [.. document];
    }

    private static void AppendString(List<byte> target, int field, string value) =>
        AppendBytes(target, field, Encoding.UTF8.GetBytes(value));

    private static void AppendBytes(List<byte> target, int field, byte[] value)
    {
        target.Add((byte)((field << 3) | 2));
        var length = value.Length;
        while (length >= 0x80)
        {
            target.Add((byte)(length | 0x80));
            length >>= 7;
        }

        target.Add((byte)length);
        target.AddRange(value);
    }
}
