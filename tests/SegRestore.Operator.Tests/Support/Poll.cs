namespace SegRestore.Operator.Tests.Support;

/// <summary>Waits for what an API server's controllers do asynchronously (finalizers, garbage collection).</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the condition did not hold within {timeout}");
            }

            await Task.Delay(50);
        }
    }
}
