namespace SegRestore.Kube.Tests.Support;

/// <summary>Polls a condition with a generous deadline instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static Task AssertAsync(Func<bool> condition, string because, TimeSpan? timeout = null) =>
        AssertAsync(() => Task.FromResult(condition()), because, timeout);

    public static async Task AssertAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"condition not met in time: {because}");
            }

            await Task.Delay(20);
        }
    }
}
