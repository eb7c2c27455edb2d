using Moq;
using Vaccination.Application.DataQuality;
using Vaccination.Application.Ingestion;
using Vaccination.Application.Subjects;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;
using static Vaccination.UnitTests.Ingestion.IngestionTestData;

namespace Vaccination.UnitTests.Ingestion;

public class EventApplierTests
{
    private readonly Mock<ISubjectStore> _subjects = new();
    private readonly Mock<ITicketDirectory> _tickets = new();
    private readonly Mock<IDataQualityStore> _dataQuality = new();
    private readonly Mock<IReviewList> _review = new();

    private EventApplier Applier() => new(_subjects.Object, _tickets.Object, _dataQuality.Object, _review.Object, Clock());

    private static IngestionCommand Command(WebhookEvent received) => Validator().Validate(Vrs, Asahikawa, received).Value;

    [Fact]
    public async Task ApplyAsync_ConfirmedSubject_Is409_KeptForReview_AndNothingIsWritten()
    {
        _subjects.Setup(s => s.GetAsync(Asahikawa, It.IsAny<SubjectId>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Subject(new SubjectFlags { Confirmed = true }));

        var result = await Applier().ApplyAsync(Asahikawa, Command(Event("dose.recorded", dose: Dose())), "{}", default);

        Assert.Equal(EventApplier.ConfirmedCode, Assert.Single(result.Errors).Code);
        Assert.Equal(ErrorKind.Conflict, result.Errors[0].Kind);
        _review.Verify(r => r.AddAsync(Asahikawa, It.IsAny<SubjectId>(), It.Is<ReviewItem>(i => i.Reason == EventApplier.ConfirmedCode), "{}", It.IsAny<CancellationToken>()), Times.Once);
        _subjects.Verify(s => s.SaveDoseAsync(It.IsAny<Tenant>(), It.IsAny<DoseRecord>(), It.IsAny<CancellationToken>()), Times.Never);
        _subjects.Verify(s => s.SaveAsync(It.IsAny<Tenant>(), It.IsAny<VaccinationSubject>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ApplyAsync_TicketHeldByAnotherSubject_Is409_AndTheSubjectIsNotSaved()
    {
        var other = SubjectId.TryCreate("OTHER").Value;
        _tickets.Setup(t => t.FindSubjectAsync(Asahikawa, It.IsAny<TicketNumber>(), It.IsAny<CancellationToken>())).ReturnsAsync(other);
        _subjects.Setup(s => s.GetAsync(Asahikawa, other, It.IsAny<CancellationToken>())).ReturnsAsync(Subject() with { Id = other });
        var received = Event("subject.registered") with { Subject = new(null, "Name", new DateOnly(1960, 4, 1), "Male", ["0123456789"]) };

        var result = await Applier().ApplyAsync(Asahikawa, Command(received), "{}", default);

        Assert.Equal("ticket.duplicate", Assert.Single(result.Errors).Code);
        _subjects.Verify(s => s.SaveAsync(It.IsAny<Tenant>(), It.IsAny<VaccinationSubject>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ApplyAsync_SameDoseDeliveredAgain_IsAppliedWithoutConflict()
    {
        _subjects.Setup(s => s.GetAsync(Asahikawa, It.IsAny<SubjectId>(), It.IsAny<CancellationToken>())).ReturnsAsync(Subject());
        var command = Command(Event("dose.recorded", dose: Dose()));
        _subjects.Setup(s => s.GetDosesAsync(Asahikawa, It.IsAny<SubjectId>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([command.Dose!.ToRecord(Subject().Id, null, DateTimeOffset.UnixEpoch)]);

        var result = await Applier().ApplyAsync(Asahikawa, command, "{}", default);

        Assert.True(result.IsSuccess);
        _subjects.Verify(s => s.SaveDoseAsync(Asahikawa, It.Is<DoseRecord>(d => d.RecordedAt == DateTimeOffset.UnixEpoch), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ApplyAsync_DifferentDoseWithSameNumber_Is409DoseExists()
    {
        _subjects.Setup(s => s.GetAsync(Asahikawa, It.IsAny<SubjectId>(), It.IsAny<CancellationToken>())).ReturnsAsync(Subject());
        _subjects.Setup(s => s.GetDosesAsync(Asahikawa, It.IsAny<SubjectId>(), It.IsAny<CancellationToken>())).ReturnsAsync([StoredDose(1, "2021-05-30")]);

        var result = await Applier().ApplyAsync(Asahikawa, Command(Event("dose.recorded", dose: Dose())), "{}", default);

        Assert.Equal("dose.exists", Assert.Single(result.Errors).Code);
    }
}
