using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Vaccination.Application.DataQuality;
using Vaccination.Application.Ingestion;
using Vaccination.Application.Subjects;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Ingestion;
using Vaccination.Domain.Results;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;
using static Vaccination.UnitTests.Ingestion.IngestionTestData;

namespace Vaccination.UnitTests.Ingestion;

public class QueuedEventApplierTests
{
    private const string DeceasedJson = """{"eventId":"e-7","type":"subject.deceased","subjectId":"S-1","deceased":{"date":"2024-01-01"}}""";
    private static readonly EventId Id = EventId.TryCreate("e-7").Value;
    private readonly Mock<IIdempotencyStore> _idempotency = new();
    private readonly Mock<ISubjectStore> _subjects = new();
    private readonly Mock<IQueuedEventSender> _queue = new();
    private IdempotencyRecord? _completed;

    public QueuedEventApplierTests()
    {
        _idempotency.Setup(i => i.BeginApplyingAsync(Asahikawa, It.IsAny<IdempotencyRecord>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Tenant _, IdempotencyRecord r, DateTimeOffset now, CancellationToken _) => r with { ApplyingSince = now, Version = "claimed" });
        _idempotency.Setup(i => i.CompleteAsync(Asahikawa, It.IsAny<IdempotencyRecord>(), It.IsAny<CancellationToken>()))
            .Callback<Tenant, IdempotencyRecord, CancellationToken>((_, r, _) => _completed = r)
            .ReturnsAsync(true);
    }

    private QueuedEventApplier Applier()
    {
        var clock = Clock();
        var applier = new EventApplier(_subjects.Object, Mock.Of<ITicketDirectory>(), Mock.Of<IDataQualityStore>(), Mock.Of<IReviewList>(), clock);
        return new QueuedEventApplier(new TenantRegistry([Asahikawa, Sapporo]), Validator(clock), applier, _idempotency.Object, _queue.Object, clock,
            NullLogger<QueuedEventApplier>.Instance);
    }

    private void Stored(EventOutcome outcome, string? pendingEvent) =>
        _idempotency.Setup(i => i.FindAsync(Asahikawa, Id, It.IsAny<CancellationToken>())).ReturnsAsync(
            new IdempotencyRecord(Id, "hash", outcome, Clock().GetUtcNow(), Clock().GetUtcNow().AddDays(30)) { PendingEvent = pendingEvent });

    [Fact]
    public async Task ApplyAsync_QueuedEventOfAStoredSubject_IsApplied_AndItsRecordCompletedAsClaimed_WithoutTheEvent()
    {
        Stored(EventOutcome.Queueing("e-7", "subject.deceased"), DeceasedJson);
        _subjects.Setup(s => s.GetAsync(Asahikawa, It.IsAny<SubjectId>(), It.IsAny<CancellationToken>())).ReturnsAsync(Subject());
        _subjects.Setup(s => s.SaveAsync(Asahikawa, It.IsAny<VaccinationSubject>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Tenant _, VaccinationSubject s, CancellationToken _) => Result.Success(s));
        _subjects.Setup(s => s.GetDosesAsync(Asahikawa, It.IsAny<SubjectId>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);

        await Applier().ApplyAsync(new QueuedEventWork("012041", "e-7", 1), default);

        Assert.Equal(EventOutcome.Applied, _completed!.Outcome.Result);
        Assert.Equal("S-1", _completed.Outcome.SubjectId);
        Assert.Null(_completed.PendingEvent);
        Assert.False(_completed.Reusable);
        Assert.Equal("claimed", _completed.Version);
        _subjects.Verify(s => s.SaveAsync(Asahikawa, It.Is<VaccinationSubject>(v => v.Flags.DeceasedOn == new DateOnly(2024, 1, 1)), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ApplyAsync_SubjectNotYetRegistered_PutsTheWorkBackWithADelay_AndRecordsNothing()
    {
        Stored(EventOutcome.Queueing("e-7", "subject.deceased"), DeceasedJson);

        await Applier().ApplyAsync(new QueuedEventWork("012041", "e-7", 2), default);

        _queue.Verify(q => q.EnqueueAsync(new QueuedEventWork("012041", "e-7", 3), TimeSpan.FromSeconds(4), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Null(_completed);
    }

    [Fact]
    public async Task ApplyAsync_LastTry_RecordsTheRefusal_AsReusable_SoTheSenderMaySendTheFixedEventUnderTheSameId()
    {
        Stored(EventOutcome.Queueing("e-7", "subject.deceased"), DeceasedJson);

        await Applier().ApplyAsync(new QueuedEventWork("012041", "e-7", QueuedEventApplier.MaxAttempts), default);

        Assert.Equal("subject.unknown", Assert.Single(_completed!.Outcome.Errors).Code);
        Assert.True(_completed.Reusable);
        Assert.Null(_completed.PendingEvent);
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ApplyAsync_EventNoLongerQueued_IsDropped_SoADuplicateWorkItemChangesNothing()
    {
        Stored(new EventOutcome("e-7", "subject.deceased", EventOutcome.Applied, "S-1", null, [], []), pendingEvent: null);

        await Applier().ApplyAsync(new QueuedEventWork("012041", "e-7", 1), default);

        Assert.Null(_completed);
        _subjects.VerifyNoOtherCalls();
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ApplyAsync_WorkForAnUnservedMunicipality_IsDropped()
    {
        await Applier().ApplyAsync(new QueuedEventWork("999999", "e-7", 1), default);

        _idempotency.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ApplyAsync_RecordTakenMeanwhileByAnotherDelivery_AppliesNothing_AndCompletesNothing()
    {
        Stored(EventOutcome.Queueing("e-7", "subject.deceased"), DeceasedJson);
        _idempotency.Setup(i => i.BeginApplyingAsync(Asahikawa, It.IsAny<IdempotencyRecord>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IdempotencyRecord?)null);

        await Applier().ApplyAsync(new QueuedEventWork("012041", "e-7", 1), default);

        _subjects.VerifyNoOtherCalls();
        _queue.VerifyNoOtherCalls();
        Assert.Null(_completed);
    }
}
