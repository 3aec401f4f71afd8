namespace SegRestore.Br.Tests;

/// <summary>Test fixtures copied next to the test assembly.</summary>
internal static class Fixture
{
    public static string PathOf(string relative) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    public static string Text(string relative) => File.ReadAllText(PathOf(relative));

    public static byte[] Bytes(string relative) => File.ReadAllBytes(PathOf(relative));
}
