using SegRestore.Store.Streams;

namespace SegRestore.Store.Tests.Support;

/// <summary>Compares large byte arrays quickly (FluentAssertions' element-wise Equal is slow on megabytes).</summary>
public static class ByteAssertions
{
    public static void ShouldEqualBytes(this byte[] actual, byte[] expected, string because = "")
    {
        actual.Length.Should().Be(expected.Length, because);
        Sha256Hex.Of(actual).Should().Be(Sha256Hex.Of(expected), because);
    }
}
