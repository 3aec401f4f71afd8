using SegRestore.Store.Model;

namespace SegRestore.Store.CrashWriter;

/// <summary>What the crash writer commits: generation g holds <see cref="Files"/> files whose content depends only on
/// (g, file index), so the test can verify any generation it finds.</summary>
public sealed record CrashWorkload(int Files, long FileBytes)
{
    public static string PathOf(int file) => $"checkpoints/restore/{file:D3}.sst";

    public static ulong SeedOf(long generation, int file) => ((ulong)generation * 1_000_003UL) + (ulong)file + 1;

    public static byte[] ContentOf(long generation, int file, long fileBytes) => PatternStream.Content(SeedOf(generation, file), fileBytes);

    /// <summary>The puts of generation <paramref name="generation"/>; <paramref name="beforeRead"/> sees the bytes of
    /// the whole generation produced so far.</summary>
    public IReadOnlyList<CheckpointPut> Puts(long generation, Func<long, CancellationToken, Task>? beforeRead = null) =>
        Enumerable.Range(0, Files).Select(file => new CheckpointPut(PathOf(file), new PatternStream(SeedOf(generation, file), FileBytes)
        {
            BeforeRead = beforeRead is null ? null : (position, token) => beforeRead((file * FileBytes) + position, token),
        })).ToList();
}
