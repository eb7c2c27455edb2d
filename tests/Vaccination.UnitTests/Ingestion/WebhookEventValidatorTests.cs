using Vaccination.Application.Ingestion;
using Vaccination.Domain.Results;
using static Vaccination.UnitTests.Ingestion.IngestionTestData;

namespace Vaccination.UnitTests.Ingestion;

public class WebhookEventValidatorTests
{
    public static TheoryData<WebhookEvent, IngestionEventType> ValidEvents() => new()
    {
        { Event("subject.registered") with { Subject = new("123456789018", "Name", new DateOnly(1960, 4, 1), "Male", ["0123456789"]) }, IngestionEventType.SubjectRegistered },
        { Event("subject.updated") with { Subject = new(null, "Name", new DateOnly(1960, 4, 1), "Female", []) }, IngestionEventType.SubjectUpdated },
        { Event("ticket.issued") with { Ticket = new("0123456789", null) }, IngestionEventType.TicketIssued },
        { Event("ticket.reissued") with { Ticket = new("0123456789", "0123456780") }, IngestionEventType.TicketReissued },
        { Event("dose.recorded", dose: Dose()), IngestionEventType.DoseRecorded },
        { Event("dose.recorded", subjectId: null, ticket: "0123456789", dose: Dose()), IngestionEventType.DoseRecorded },
        { Event("dose.corrected", dose: Dose()), IngestionEventType.DoseCorrected },
        { Event("dose.cancelled") with { Cancellation = new(1, "recorded_in_error") }, IngestionEventType.DoseCancelled },
        { Event("subject.moved_out") with { MovedOut = new(new DateOnly(2023, 4, 1), "011002") }, IngestionEventType.MovedOut },
        { Event("subject.deceased") with { Deceased = new(new DateOnly(2024, 2, 1)) }, IngestionEventType.Deceased },
        { Event("resident.changed") with { Resident = new("New Name", null, null, null) }, IngestionEventType.ResidentChanged },
    };

    [Theory]
    [MemberData(nameof(ValidEvents))]
    public void Validate_EveryEventType_ValidEvent_Succeeds(WebhookEvent received, IngestionEventType expected)
    {
        var result = Validator().Validate(Vrs, Asahikawa, received);

        Assert.True(result.IsSuccess, string.Join(", ", result.Errors.Select(e => e.Code)));
        Assert.Equal(expected, result.Value.Type);
    }

    [Fact]
    public void Validate_BadDose_ListsEveryFieldError()
    {
        var dose = new DosePayload(0, new DateOnly(2025, 1, 1), "Acme", null, null, "bad lot", null, null, "000000", "because");

        var result = Validator().Validate(Vrs, Asahikawa, Event("dose.recorded", dose: dose) with { EventId = "bad id", MunicipalityCode = "271403" });

        Assert.Equal(
            ["event_id.format", "municipality_code.not_served", "dose_number.range", "date.future", "manufacturer.unknown", "lot_number.format",
                "site_name.required", "municipality_code.check_digit", "previous_dose_missing_reason.unknown"],
            result.Errors.Select(e => e.Code).ToArray());
        Assert.All(result.Errors, e => Assert.Equal(ErrorKind.Validation, e.Kind));
    }

    [Theory]
    [InlineData("2021-02-16", "date.too_early")]
    [InlineData("2024-12-01", "date.future")]
    public void Validate_DoseDateOutsideProgramme_Refused(string date, string code)
    {
        var result = Validator().Validate(Vrs, Asahikawa, Event("dose.recorded", dose: Dose(date: date)));

        Assert.Equal(code, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Validate_ProductOfAnotherManufacturerOrWrongType_Refused()
    {
        var dose = Dose() with { Product = "Spikevax" };
        var typed = Dose() with { VaccineType = "viral vector" };

        Assert.Equal("product.unknown", Assert.Single(Validator().Validate(Vrs, Asahikawa, Event("dose.recorded", dose: dose)).Errors).Code);
        Assert.Equal("vaccine_type.mismatch", Assert.Single(Validator().Validate(Vrs, Asahikawa, Event("dose.recorded", dose: typed)).Errors).Code);
    }

    [Fact]
    public void Validate_MunicipalityCodeOfAnotherServedTenant_IsMismatch()
    {
        var result = Validator().Validate(Vrs, Asahikawa, Event("dose.recorded", dose: Dose()) with { MunicipalityCode = "011002" });

        Assert.Equal("municipality_code.mismatch", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Validate_BothSubjectIdAndTicket_IsAmbiguous()
    {
        var result = Validator().Validate(Vrs, Asahikawa, Event("dose.recorded", ticket: "0123456789", dose: Dose()));

        Assert.Equal("subject_reference.ambiguous", Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("subject.registered", null, "site.event_type_forbidden")]
    [InlineData("dose.corrected", null, "site.event_type_forbidden")]
    [InlineData("dose.recorded", "S-1", "site.subject_reference_forbidden")]
    public void Validate_SiteCaller_AnythingButDoseByTicket_Forbidden(string type, string? subjectId, string code)
    {
        var result = Validator().Validate(Site, Asahikawa, Event(type, subjectId: subjectId, ticket: "0123456789", dose: Dose()));

        Assert.Equal(code, Assert.Single(result.Errors).Code);
        Assert.Equal(ErrorKind.Forbidden, result.Errors[0].Kind);
    }

    [Fact]
    public void Validate_SiteCaller_DoseByTicket_Succeeds()
    {
        var result = Validator().Validate(Site, Asahikawa, Event("dose.recorded", subjectId: null, ticket: "0123456789", dose: Dose()));

        Assert.True(result.IsSuccess);
        Assert.Equal("0123456789", result.Value.Ticket!.Value.Value);
    }

    [Fact]
    public void Validate_SubjectWithBadMyNumber_PrefixesFieldsWithSection()
    {
        var received = Event("subject.registered") with { Subject = new("123456789019", "", null, "X", ["12"]) };

        var result = Validator().Validate(Vrs, Asahikawa, received);

        Assert.Equal(["subject.myNumber", "subject.name", "subject.birthDate", "subject.sex", "subject.tickets[0]"], result.Errors.Select(e => e.Field!).ToArray());
    }

    [Fact]
    public void Validate_UnknownType_Refused()
    {
        var result = Validator().Validate(Vrs, Asahikawa, Event("dose.deleted"));

        Assert.Equal("event.type_unknown", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Validate_MoveOutToOwnMunicipality_Refused()
    {
        var result = Validator().Validate(Vrs, Asahikawa, Event("subject.moved_out") with { MovedOut = new(new DateOnly(2023, 4, 1), "012041") });

        Assert.Equal("destination.same_municipality", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Validate_EmptyResidentChange_Refused()
    {
        var result = Validator().Validate(Vrs, Asahikawa, Event("resident.changed") with { Resident = new(null, null, null, null) });

        Assert.Equal("resident.required", Assert.Single(result.Errors).Code);
    }
}
