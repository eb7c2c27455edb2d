using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Vaccination.Application.DataQuality;
using Vaccination.Application.Ingestion;
using Vaccination.Application.Subjects;
using Vaccination.Domain.Ingestion;
using Vaccination.Domain.Tenants;
using static Vaccination.UnitTests.Ingestion.IngestionTestData;

namespace Vaccination.UnitTests.Ingestion;

public class EventProcessorTests
{
    private static readonly byte[] Secret = new byte[32];
    private readonly Mock<IIdempotencyStore> _idempotency = new();
    private readonly Mock<ISubjectStore> _subjects = new();
    private readonly Mock<IQueuedEventSender> _queue = new();

    private EventProcessor Processor()
    {
        var clock = Clock();
        var applier = new EventApplier(_subjects.Object, Mock.Of<ITicketDirectory>(), Mock.Of<IDataQualityStore>(), Mock.Of<IReviewList>(), clock);
        return new EventProcessor(Validator(clock), applier, _idempotency.Object, _queue.Object, Options.Create(new IngestionOptions()), clock, NullLogger<EventProcessor>.Instance);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public async Task ProcessAsync_SiteEventWithMyNumber_IsRefusedBeforeAnyStorageCall()
    {
        var outcome = await Processor().ProcessAsync(Site, Asahikawa,
            Json("""{"eventId":"e-1","type":"dose.recorded","ticketNumber":"0123456789","myNumber":"123456789018"}"""), Secret, respondAsync: false, default);

        Assert.Equal("site.my_number_forbidden", Assert.Single(outcome.Errors).Code);
        Assert.Null(outcome.EventId);
        _idempotency.VerifyNoOtherCalls();
        _subjects.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ProcessAsync_StoredRecordForSameJson_ReturnsItReplayed_AndAppliesNothing()
    {
        var element = Json("""{"eventId":"e-1","type":"subject.deceased","subjectId":"S-1","deceased":{"date":"2024-01-01"}}""");
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Secret, System.Text.Encoding.UTF8.GetBytes(element.GetRawText())));
        var stored = new EventOutcome("e-1", "subject.deceased", EventOutcome.Applied, "S-1", null, [], []);
        _idempotency.Setup(i => i.FindAsync(Asahikawa, It.IsAny<EventId>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new IdempotencyRecord(EventId.TryCreate("e-1").Value, hash, stored, Clock().GetUtcNow(), Clock().GetUtcNow().AddDays(1)));

        var outcome = await Processor().ProcessAsync(Vrs, Asahikawa, element, Secret, respondAsync: false, default);

        Assert.True(outcome.Replayed);
        Assert.Equal("S-1", outcome.SubjectId);
        _subjects.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ProcessAsync_ExpiredRecord_IsIgnoredAndTheEventIsProcessed()
    {
        var stored = new EventOutcome("e-1", "subject.deceased", EventOutcome.Applied, "S-1", null, [], []);
        _idempotency.Setup(i => i.FindAsync(Asahikawa, It.IsAny<EventId>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new IdempotencyRecord(EventId.TryCreate("e-1").Value, "other", stored, Clock().GetUtcNow().AddDays(-40), Clock().GetUtcNow().AddDays(-10)));

        var outcome = await Processor().ProcessAsync(Vrs, Asahikawa,
            Json("""{"eventId":"e-1","type":"subject.deceased","subjectId":"S-1","deceased":{"date":"2024-01-01"}}"""), Secret, respondAsync: false, default);

        Assert.False(outcome.Replayed);
        Assert.Equal("subject.unknown", Assert.Single(outcome.Errors).Code);
        _subjects.Verify(s => s.GetAsync(It.IsAny<Tenant>(), It.IsAny<Vaccination.Domain.Identifiers.SubjectId>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ProcessAsync_FixableRefusal_IsNotRecorded()
    {
        await Processor().ProcessAsync(Vrs, Asahikawa,
            Json("""{"eventId":"e-2","type":"subject.deceased","subjectId":"S-1","deceased":{"date":"2024-01-01"}}"""), Secret, respondAsync: false, default);

        _idempotency.Verify(i => i.AddAsync(It.IsAny<Tenant>(), It.IsAny<IdempotencyRecord>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ProcessAsync_RespondAsync_StoresTheEventWithItsRecord_QueuesIt_AndAppliesNothing()
    {
        IdempotencyRecord? stored = null;
        _idempotency.Setup(i => i.AddAsync(Asahikawa, It.IsAny<IdempotencyRecord>(), It.IsAny<CancellationToken>()))
            .Callback<Tenant, IdempotencyRecord, CancellationToken>((_, r, _) => stored = r)
            .ReturnsAsync((IdempotencyRecord?)null);
        var element = Json("""{"eventId":"e-3","type":"subject.deceased","subjectId":"S-1","deceased":{"date":"2024-01-01"}}""");

        var outcome = await Processor().ProcessAsync(Vrs, Asahikawa, element, Secret, respondAsync: true, default);

        Assert.True(outcome.IsQueued);
        Assert.Equal(element.GetRawText(), stored!.PendingEvent);
        Assert.True(stored.Outcome.IsQueued);
        _queue.Verify(q => q.EnqueueAsync(new QueuedEventWork("012041", "e-3", 1), TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Once);
        _idempotency.Verify(i => i.FindAsync(It.IsAny<Tenant>(), It.IsAny<EventId>(), It.IsAny<CancellationToken>()), Times.Never);
        _subjects.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ProcessAsync_RespondAsync_InvalidEvent_IsRefusedAtOnce_AndNothingIsStoredOrQueued()
    {
        var outcome = await Processor().ProcessAsync(Vrs, Asahikawa,
            Json("""{"eventId":"e-4","type":"subject.deceased","subjectId":"S-1","deceased":{"date":"2999-01-01"}}"""), Secret, respondAsync: true, default);

        Assert.Equal(EventOutcome.Refused, outcome.Result);
        _idempotency.VerifyNoOtherCalls();
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ProcessAsync_ReplayOfAnEventStillQueued_QueuesItAgain_SoACrashBeforeTheFirstSendLosesNothing()
    {
        var element = Json("""{"eventId":"e-5","type":"subject.deceased","subjectId":"S-1","deceased":{"date":"2024-01-01"}}""");
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Secret, System.Text.Encoding.UTF8.GetBytes(element.GetRawText())));
        var queued = new IdempotencyRecord(EventId.TryCreate("e-5").Value, hash, EventOutcome.Queueing("e-5", "subject.deceased"), Clock().GetUtcNow(), Clock().GetUtcNow().AddDays(1))
        {
            PendingEvent = element.GetRawText(),
        };
        _idempotency.Setup(i => i.AddAsync(Asahikawa, It.IsAny<IdempotencyRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(queued);

        var outcome = await Processor().ProcessAsync(Vrs, Asahikawa, element, Secret, respondAsync: true, default);

        Assert.True(outcome.IsQueued);
        Assert.True(outcome.Replayed);
        _queue.Verify(q => q.EnqueueAsync(new QueuedEventWork("012041", "e-5", 1), TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Once);
    }
}
