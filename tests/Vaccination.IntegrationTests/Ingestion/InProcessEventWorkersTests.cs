using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Vaccination.Application.DataQuality;
using Vaccination.Application.Ingestion;
using Vaccination.Application.Subjects;
using Vaccination.Domain.Ingestion;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Ingestion;
using Vaccination.IntegrationTests.Environment;
using Vaccination.SelfHost.Hosting;
using static Vaccination.IntegrationTests.Environment.TestData;

namespace Vaccination.IntegrationTests.Ingestion;

/// <summary>The self-host's in-process workers, with the storage behind the applier mocked: a failing event neither stops them nor holds up the rest.</summary>
public sealed class InProcessEventWorkersTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
    private readonly Mock<IIdempotencyStore> _idempotency = new();
    private readonly List<string> _reads = [];

    [Fact]
    public async Task FailingEvent_IsTriedAgainAfterAPause_UpToTheLastTry_WhileTheOthersGoOn()
    {
        _idempotency.Setup(i => i.FindAsync(Asahikawa, It.IsAny<EventId>(), It.IsAny<CancellationToken>()))
            .Returns((Tenant _, EventId id, CancellationToken _) =>
            {
                lock (_reads)
                {
                    _reads.Add(id.Value);
                }

                return id.Value == "bad" ? throw new InvalidOperationException("unreadable row") : Task.FromResult<IdempotencyRecord?>(null);
            });
        var events = new InProcessQueuedEvents(_clock, NullLogger<InProcessQueuedEvents>.Instance);
        using var workers = new InProcessEventWorkers(events, Applier(events), Options.Create(new IngestionOptions { InProcessWorkers = 2 }),
            NullLogger<InProcessEventWorkers>.Instance);
        await workers.StartAsync(default);

        await events.EnqueueAsync(new QueuedEventWork("012041", "bad", 1), TimeSpan.Zero, default);
        await events.EnqueueAsync(new QueuedEventWork("012041", "good", 1), TimeSpan.Zero, default);
        await WaitUntilAsync(() => Reads("good") == 1 && Reads("bad") == 1);
        for (var attempt = 2; attempt <= QueuedEventApplier.MaxAttempts; attempt++)
        {
            var expected = attempt;
            await WaitUntilAsync(() => Reads("bad") >= expected, advance: true);
        }

        for (var more = 0; more < 3; more++)
        {
            _clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(100);
        }

        await workers.StopAsync(default);

        Assert.Equal(QueuedEventApplier.MaxAttempts, Reads("bad"));
        Assert.Equal(1, Reads("good"));
    }

    private QueuedEventApplier Applier(IQueuedEventSender queue)
    {
        var applier = new EventApplier(Mock.Of<ISubjectStore>(), Mock.Of<ITicketDirectory>(), Mock.Of<IDataQualityStore>(), Mock.Of<IReviewList>(), _clock);
        var validator = new WebhookEventValidator(_clock, new TenantRegistry([Asahikawa]), new SubjectRequestValidator(_clock));
        return new QueuedEventApplier(new TenantRegistry([Asahikawa]), validator, applier, _idempotency.Object, queue, _clock,
            NullLogger<QueuedEventApplier>.Instance);
    }

    private int Reads(string eventId)
    {
        lock (_reads)
        {
            return _reads.Count(r => r == eventId);
        }
    }

    /// <summary>Waits until the condition holds; with <paramref name="advance"/>, moving the clock 5 s on each round, for the retry pauses.</summary>
    private Task WaitUntilAsync(Func<bool> condition, bool advance = false) =>
        Poll.UntilAsync(condition, "The workers did not get there within 10 s.", eachRound: advance ? () => _clock.Advance(TimeSpan.FromSeconds(5)) : null);
}
