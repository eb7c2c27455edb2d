using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vaccination.IntegrationTests.Environment;
using Vaccination.SelfHost.Hosting;

namespace Vaccination.IntegrationTests.SelfHost;

/// <summary>The loop under every self-host timer (sweeps, purges, the retention schedule): a failing run never ends it.</summary>
public sealed class ScheduledServiceTests
{
    private readonly TimerCountingClock _clock = new();

    [Fact]
    public async Task FailingRuns_AreFollowedByTheNextRunsOnTime_AndTheServiceKeepsRunningUntilStopped()
    {
        using var service = new FailingThenWorking(_clock, failures: 2);
        await service.StartAsync(default);

        for (var expected = 1; expected <= 4; expected++)
        {
            await WaitUntilAsync(() => _clock.TimersCreated == expected);
            Assert.Equal(expected - 1, service.Runs);
            _clock.Advance(FailingThenWorking.Every);
            await WaitUntilAsync(() => service.Runs == expected);
        }

        Assert.False(service.ExecuteTask!.IsCompleted);
        await service.StopAsync(default);
        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
        Assert.Equal([false, false, true, true], service.Succeeded);
    }

    [Fact]
    public async Task RunDueInSixtyDays_IsWaitedFor_ThoughOneTimerCannotWaitThatLong()
    {
        using var service = new FailingThenWorking(_clock, failures: 0, every: TimeSpan.FromDays(60));
        await service.StartAsync(default);
        await WaitUntilAsync(() => _clock.TimersCreated == 1);

        _clock.Advance(TimeSpan.FromDays(59));
        await WaitUntilAsync(() => _clock.TimersCreated == 2); // the first day's wait ended; one more for the day left
        var runsBeforeDue = service.Runs;
        _clock.Advance(TimeSpan.FromDays(1));
        await WaitUntilAsync(() => service.Runs == 1);

        Assert.Equal(0, runsBeforeDue);
        Assert.False(service.ExecuteTask!.IsCompleted);
        await service.StopAsync(default);
    }

    [Fact]
    public async Task StoppingDuringARun_EndsTheServiceWithoutAnError()
    {
        using var service = new FailingThenWorking(_clock, failures: 0, blockUntilStopped: true);
        await service.StartAsync(default);
        await WaitUntilAsync(() => _clock.TimersCreated == 1);
        _clock.Advance(FailingThenWorking.Every);
        await WaitUntilAsync(() => service.Runs == 1);

        await service.StopAsync(default);

        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully);
    }

    private static Task WaitUntilAsync(Func<bool> condition) =>
        Poll.UntilAsync(condition, "The scheduled service did not reach the expected state in time.");

    /// <summary>A fake clock that counts the waits started on it, so a test moves time on only once the service waits.</summary>
    private sealed class TimerCountingClock() : FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero))
    {
        private int _timersCreated;

        public int TimersCreated => Volatile.Read(ref _timersCreated);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Interlocked.Increment(ref _timersCreated);
            return timer;
        }
    }

    /// <summary>Runs every minute; its first <c>failures</c> runs throw, as a sweep does when storage is down.</summary>
    private sealed class FailingThenWorking(TimeProvider clock, int failures, bool blockUntilStopped = false, TimeSpan? every = null)
        : ScheduledService(clock, NullLogger.Instance)
    {
        public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);
        private readonly List<bool> _succeeded = [];

        public int Runs
        {
            get
            {
                lock (_succeeded)
                {
                    return _succeeded.Count;
                }
            }
        }

        public bool[] Succeeded
        {
            get
            {
                lock (_succeeded)
                {
                    return [.. _succeeded];
                }
            }
        }

        protected override TimeSpan UntilNextRun(DateTimeOffset now) => every ?? Every;

        protected override async Task RunOnceAsync(CancellationToken cancellationToken)
        {
            var fails = Runs < failures;
            lock (_succeeded)
            {
                _succeeded.Add(!fails);
            }

            if (blockUntilStopped)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            if (fails)
            {
                throw new InvalidOperationException("storage is down");
            }
        }
    }
}
