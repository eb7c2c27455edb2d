using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Vaccination.Application.Ingestion;
using Vaccination.Domain.Ingestion;
using Vaccination.Domain.Tenants;
using static Vaccination.UnitTests.Ingestion.IngestionTestData;

namespace Vaccination.UnitTests.Ingestion;

public class QueuedEventRedriveTests
{
    private static readonly EventId Id = EventId.TryCreate("e-9").Value;
    private readonly Mock<IIdempotencyStore> _idempotency = new();
    private readonly Mock<IQueuedEventSender> _queue = new();
    private readonly DateTimeOffset _now = Clock().GetUtcNow();
    private DateTimeOffset? _askedBefore;
    private IdempotencyRecord? _completed;

    public QueuedEventRedriveTests()
    {
        _idempotency.Setup(i => i.FindOverdueAsync(It.IsAny<Tenant>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns((Tenant _, DateTimeOffset before, CancellationToken _) => Markers(before, []));
        _idempotency.Setup(i => i.CompleteAsync(Asahikawa, It.IsAny<IdempotencyRecord>(), It.IsAny<CancellationToken>()))
            .Callback<Tenant, IdempotencyRecord, CancellationToken>((_, r, _) => _completed = r)
            .ReturnsAsync(true);
    }

    private QueuedEventRedrive Redrive() => new(new TenantRegistry([Asahikawa, Sapporo]), _idempotency.Object, _queue.Object,
        Options.Create(new IngestionOptions { QueuedEventRedriveAfter = TimeSpan.FromMinutes(10) }), Clock(), NullLogger<QueuedEventRedrive>.Instance);

    private async IAsyncEnumerable<QueuedEventMarker> Markers(DateTimeOffset before, QueuedEventMarker[] markers)
    {
        _askedBefore = before;
        foreach (var marker in markers)
        {
            yield return marker;
        }

        await Task.CompletedTask;
    }

    private QueuedEventMarker Overdue(int redrives)
    {
        var marker = new QueuedEventMarker(Id, _now.AddMinutes(-11), redrives, "etag-1");
        _idempotency.Setup(i => i.FindOverdueAsync(Asahikawa, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns((Tenant _, DateTimeOffset before, CancellationToken _) => Markers(before, [marker]));
        return marker;
    }

    private void Claimed(QueuedEventMarker marker, bool claimed) =>
        _idempotency.Setup(i => i.ClaimRedriveAsync(Asahikawa, marker, _now, It.IsAny<CancellationToken>())).ReturnsAsync(claimed);

    [Fact]
    public async Task RunAsync_AsksForEventsQueuedLongerThanTheSetting_AndSendsTheirWorkAgain_OnceClaimed()
    {
        var marker = Overdue(redrives: 0);
        Claimed(marker, true);

        var sent = await Redrive().RunAsync(default);

        Assert.Equal(1, sent);
        Assert.Equal(_now.AddMinutes(-10), _askedBefore);
        _queue.Verify(q => q.EnqueueAsync(new QueuedEventWork("012041", "e-9", 1), TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Null(_completed);
    }

    [Fact]
    public async Task RunAsync_MarkerClaimedByAnotherInstance_SendsNothing()
    {
        Claimed(Overdue(redrives: 1), false);

        Assert.Equal(0, await Redrive().RunAsync(default));

        _queue.VerifyNoOtherCalls();
        Assert.Null(_completed);
    }

    [Fact]
    public async Task RunAsync_AfterTheLastRedrive_GivesUp_WithAReusableRefusal_AndSendsNothing()
    {
        var marker = Overdue(QueuedEventRedrive.MaxRedrives);
        Claimed(marker, true);
        _idempotency.Setup(i => i.FindAsync(Asahikawa, Id, It.IsAny<CancellationToken>())).ReturnsAsync(
            new IdempotencyRecord(Id, "hash", EventOutcome.Queueing("e-9", "dose.recorded"), _now.AddHours(-1), _now.AddDays(30)) { PendingEvent = "{}" });

        Assert.Equal(0, await Redrive().RunAsync(default));

        _queue.VerifyNoOtherCalls();
        Assert.Equal(EventOutcome.Refused, _completed!.Outcome.Result);
        Assert.Equal("dose.recorded", _completed.Outcome.Type);
        Assert.Equal(QueuedEventRedrive.GivenUpCode, Assert.Single(_completed.Outcome.Errors).Code);
        Assert.True(_completed.Reusable);
        Assert.Null(_completed.PendingEvent);
    }

    [Fact]
    public async Task RunAsync_OneEventFailing_DoesNotHoldUpTheOthers()
    {
        var broken = new QueuedEventMarker(EventId.TryCreate("e-broken").Value, _now.AddMinutes(-11), 0, "etag-0");
        var marker = new QueuedEventMarker(Id, _now.AddMinutes(-11), 0, "etag-1");
        _idempotency.Setup(i => i.FindOverdueAsync(Asahikawa, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns((Tenant _, DateTimeOffset before, CancellationToken _) => Markers(before, [broken, marker]));
        _idempotency.Setup(i => i.ClaimRedriveAsync(Asahikawa, broken, _now, It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("unreadable"));
        Claimed(marker, true);

        Assert.Equal(1, await Redrive().RunAsync(default));

        _queue.Verify(q => q.EnqueueAsync(new QueuedEventWork("012041", "e-9", 1), TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RunAsync_AfterTheLastRedrive_AnEventAWorkerBeganLately_IsNotGivenUp()
    {
        var marker = Overdue(QueuedEventRedrive.MaxRedrives);
        Claimed(marker, true);
        _idempotency.Setup(i => i.FindAsync(Asahikawa, Id, It.IsAny<CancellationToken>())).ReturnsAsync(
            new IdempotencyRecord(Id, "hash", EventOutcome.Queueing("e-9", "dose.recorded"), _now.AddHours(-1), _now.AddDays(30))
            {
                PendingEvent = "{}",
                ApplyingSince = _now.AddMinutes(-1),
            });

        Assert.Equal(0, await Redrive().RunAsync(default));

        Assert.Null(_completed);
        _queue.VerifyNoOtherCalls();
    }
}
