using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vaccination.Application.Ingestion;
using Vaccination.Infrastructure.Ingestion;

namespace Vaccination.UnitTests.Ingestion;

public class InProcessQueuedEventsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));

    private InProcessQueuedEvents Events() => new(_clock, NullLogger<InProcessQueuedEvents>.Instance);

    [Fact]
    public async Task Work_IsTakenInTheOrderSent()
    {
        var events = Events();
        await events.EnqueueAsync(new QueuedEventWork("012041", "a", 1), TimeSpan.Zero, default);
        await events.EnqueueAsync(new QueuedEventWork("011002", "b", 1), TimeSpan.Zero, default);

        Assert.Equal("a", (await events.TakeAsync(default)).EventId);
        Assert.Equal("b", (await events.TakeAsync(default)).EventId);
    }

    [Fact]
    public async Task WorkForAnEventAlreadyWaiting_IsNotAddedTwice_ButMayBeSentAgainOnceTaken()
    {
        var events = Events();
        var work = new QueuedEventWork("012041", "a", 1);
        await events.EnqueueAsync(work, TimeSpan.Zero, default);
        await events.EnqueueAsync(work, TimeSpan.Zero, default);

        Assert.Equal(work, await events.TakeAsync(default));
        var second = events.TakeAsync(default);
        Assert.False(second.IsCompleted);

        await events.EnqueueAsync(work with { Attempt = 2 }, TimeSpan.Zero, default);
        Assert.Equal(2, (await second.AsTask().WaitAsync(TimeSpan.FromSeconds(5))).Attempt);
    }

    [Fact]
    public async Task DelayedWork_BecomesAvailableOnlyAfterItsDelay()
    {
        var events = Events();
        await events.EnqueueAsync(new QueuedEventWork("012041", "a", 2), TimeSpan.FromSeconds(4), default);
        var taken = events.TakeAsync(default).AsTask();

        _clock.Advance(TimeSpan.FromSeconds(3));
        await Task.Delay(50);
        Assert.False(taken.IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("a", (await taken.WaitAsync(TimeSpan.FromSeconds(5))).EventId);
    }
}
