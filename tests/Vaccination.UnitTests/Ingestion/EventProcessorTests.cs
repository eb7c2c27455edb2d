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

    private EventProcessor Processor()
    {
        var clock = Clock();
        var applier = new EventApplier(_subjects.Object, Mock.Of<ITicketDirectory>(), Mock.Of<IDataQualityStore>(), Mock.Of<IReviewList>(), clock);
        return new EventProcessor(Validator(clock), applier, _idempotency.Object, Options.Create(new IngestionOptions()), clock, NullLogger<EventProcessor>.Instance);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public async Task ProcessAsync_SiteEventWithMyNumber_IsRefusedBeforeAnyStorageCall()
    {
        var outcome = await Processor().ProcessAsync(Site, Asahikawa,
            Json("""{"eventId":"e-1","type":"dose.recorded","ticketNumber":"0123456789","myNumber":"123456789018"}"""), Secret, default);

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

        var outcome = await Processor().ProcessAsync(Vrs, Asahikawa, element, Secret, default);

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
            Json("""{"eventId":"e-1","type":"subject.deceased","subjectId":"S-1","deceased":{"date":"2024-01-01"}}"""), Secret, default);

        Assert.False(outcome.Replayed);
        Assert.Equal("subject.unknown", Assert.Single(outcome.Errors).Code);
        _subjects.Verify(s => s.GetAsync(It.IsAny<Tenant>(), It.IsAny<Vaccination.Domain.Identifiers.SubjectId>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ProcessAsync_FixableRefusal_IsNotRecorded()
    {
        await Processor().ProcessAsync(Vrs, Asahikawa,
            Json("""{"eventId":"e-2","type":"subject.deceased","subjectId":"S-1","deceased":{"date":"2024-01-01"}}"""), Secret, default);

        _idempotency.Verify(i => i.AddAsync(It.IsAny<Tenant>(), It.IsAny<IdempotencyRecord>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
