namespace Vaccination.IntegrationTests.Environment;

/// <summary>
/// Waits for a condition that background work (a hosted loop, a worker, a queue pump) makes true, failing the test
/// with <c>what</c> if it does not hold within the time given (10 s unless said).
/// </summary>
internal static class Poll
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(20);

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? within = null, Action? eachRound = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, within, eachRound);

    /// <param name="eachRound">Run after each round the condition did not hold (e.g. moving a fake clock on).</param>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null, Action? eachRound = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, what);
            eachRound?.Invoke();
            await Task.Delay(Pause);
        }
    }
}
