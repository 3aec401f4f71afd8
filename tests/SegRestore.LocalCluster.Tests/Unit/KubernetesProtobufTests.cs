using System.Text;
using SegRestore.LocalCluster.Protobuf;

namespace SegRestore.LocalCluster.Tests.Unit;

public sealed class KubernetesProtobufTests
{
    [Fact]
    public void Decodes_a_config_map_in_the_runtime_Unknown_envelope()
    {
        var metadata = Message(Field(1, "cm"), Field(3, "ns"), Field(11, Message(Field(1, "app"), Field(2, "x"))));
        var configMap = Message(Field(1, metadata), Field(2, Message(Field(1, "k"), Field(2, "v"))), Field(3, Message(Field(1, "b"), Field(2, [1, 2]))));
        var envelope = Message(Field(1, Message(Field(1, "v1"), Field(2, "ConfigMap"))), Field(2, configMap));

        var obj = KubernetesProtobuf.Decode([0x6b, 0x38, 0x73, 0x00, .. envelope])!;

        obj.ToJsonString().Should().Be("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm","namespace":"ns","labels":{"app":"x"}},"data":{"k":"v"},"binaryData":{"b":"AQI="}}""");
    }

    [Fact]
    public void Other_kinds_are_not_decoded()
    {
        var envelope = Message(Field(1, Message(Field(1, "apps/v1"), Field(2, "Deployment"))), Field(2, Message(Field(1, Message(Field(1, "d"))))));

        KubernetesProtobuf.Decode([0x6b, 0x38, 0x73, 0x00, .. envelope]).Should().BeNull();
    }

    [Fact]
    public void A_body_without_the_magic_prefix_is_rejected()
    {
        var decode = () => KubernetesProtobuf.Decode(Encoding.UTF8.GetBytes("{}"));

        decode.Should().Throw<FormatException>();
    }

    private static byte[] Field(int number, string text) => Field(number, Encoding.UTF8.GetBytes(text));

    private static byte[] Field(int number, byte[] value) => [(byte)((number << 3) | 2), (byte)value.Length, .. value];

    private static byte[] Message(params byte[][] fields) => [.. fields.SelectMany(f => f)];
}
