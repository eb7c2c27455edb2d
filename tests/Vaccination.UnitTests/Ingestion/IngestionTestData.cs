using Microsoft.Extensions.Time.Testing;
using Vaccination.Application.Callers;
using Vaccination.Application.Ingestion;
using Vaccination.Application.Subjects;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;

namespace Vaccination.UnitTests.Ingestion;

/// <summary>Tenants, callers, a fixed clock and event bodies for the ingestion unit tests.</summary>
internal static class IngestionTestData
{
    public static readonly Tenant Asahikawa = new(MunicipalityCode.Parse("012041"), "Asahikawa", "Hokkaido", 20, true, 16);
    public static readonly Tenant Sapporo = new(MunicipalityCode.Parse("011002"), "Sapporo", "Hokkaido", 5, true, 16);
    public static readonly Caller Vrs = new("vrs-1", CallerRole.Vrs, Asahikawa.Code);
    public static readonly Caller Site = new("tablet-1", CallerRole.VaccinationSite, Asahikawa.Code);

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2024, 11, 30, 3, 0, 0, TimeSpan.Zero));

    public static WebhookEventValidator Validator(TimeProvider? clock = null)
    {
        clock ??= Clock();
        return new WebhookEventValidator(clock, new TenantRegistry([Asahikawa, Sapporo]), new SubjectRequestValidator(clock));
    }

    public static DosePayload Dose(int number = 1, string date = "2021-06-01", string lot = "FA5765", string? reason = null) =>
        new(number, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "Pfizer", "Comirnaty", "mRNA", lot, "Clinic", null, null, reason);

    public static WebhookEvent Event(string type, string? subjectId = "S-1", string? ticket = null, DosePayload? dose = null) =>
        new("e-1", type, null, null, subjectId, ticket, null, null, dose, null, null, null, null);

    public static VaccinationSubject Subject(SubjectFlags? flags = null) => new(
        SubjectId.TryCreate("S-1").Value, null, "Name", new DateOnly(1960, 4, 1), Sex.Male,
        [TicketNumber.TryCreate("0123456789").Value], flags ?? SubjectFlags.None);

    public static DoseRecord StoredDose(int number, string date) => new(
        SubjectId.TryCreate("S-1").Value, DoseNumber.TryCreate(number).Value, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        "Pfizer", "Comirnaty", "mRNA", "FA5765", "Clinic", null, null, Asahikawa.Code, DateTimeOffset.UnixEpoch);
}
