using Moq;
using Vaccination.Application.Callers;
using Vaccination.Application.DataQuality;
using Vaccination.Application.Ingestion;
using Vaccination.Application.Subjects;
using Vaccination.Application.Tenants;
using Vaccination.Domain.DataQuality;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;
using static Vaccination.UnitTests.Ingestion.IngestionTestData;

namespace Vaccination.UnitTests.Subjects;

/// <summary>A dose recorded by staff meets the same rules as one sent by VRS: the code list, the lot format, the dose order and dates.</summary>
public sealed class StaffDoseRecordingTests
{
    private static readonly Caller Staff = new("staff-7", CallerRole.MunicipalStaff, Asahikawa.Code) { HasStaffGrant = true };
    private readonly Mock<ISubjectStore> _store = new();
    private readonly Mock<IDataQualityStore> _dataQuality = new();
    private readonly List<DoseRecord> _saved = [];
    private readonly SubjectService _service;

    public StaffDoseRecordingTests()
    {
        var clock = Clock();
        _service = new SubjectService(_store.Object, new TenantAccess(new TenantRegistry([Asahikawa])), new SubjectRequestValidator(clock),
            new DoseValidator(clock), _dataQuality.Object, clock);
        _store.Setup(s => s.GetAsync(Asahikawa, It.IsAny<SubjectId>(), It.IsAny<CancellationToken>())).ReturnsAsync(Subject());
        _store.Setup(s => s.SaveDoseAsync(Asahikawa, It.IsAny<DoseRecord>(), It.IsAny<CancellationToken>()))
            .Callback<Tenant, DoseRecord, CancellationToken>((_, dose, _) => _saved.Add(dose))
            .Returns(Task.CompletedTask);
        OnRecord();
    }

    [Fact]
    public async Task MissingAndWrongFields_AreAllReported_AndNothingIsStored()
    {
        var result = await RecordAsync(new DoseRecordingRequest(0, null, "Acme", null, null, "lot with spaces!", "Clinic", null, "123"));

        Assert.Equal(["dose_number.range", "date.required", "manufacturer.unknown", "lot_number.format", "ticket_number.format"],
            result.Errors.Select(e => e.Code));
        Assert.Equal("doseNumber", result.Errors[0].Field);
        Assert.Empty(_saved);
    }

    [Fact]
    public async Task ProductOfAnotherType_IsRefused()
    {
        var result = await RecordAsync(Request(1, "2021-06-01") with { VaccineType = "viral-vector" });

        Assert.Equal("vaccine_type.mismatch", Assert.Single(result.Errors).Code);
        Assert.Empty(_saved);
    }

    [Fact]
    public async Task SecondDoseWithoutTheFirst_IsRefused_UnlessTheRequestSaysWhy()
    {
        var refused = await RecordAsync(Request(2, "2021-06-22"));
        var explained = await RecordAsync(Request(2, "2021-06-22") with { PreviousDoseMissingReason = "administered_abroad" });

        Assert.Equal("dose.previous_missing", Assert.Single(refused.Errors).Code);
        Assert.True(explained.IsSuccess);
        Assert.Equal(2, Assert.Single(_saved).Number.Value);
        _dataQuality.Verify(d => d.SaveAsync(Asahikawa, It.Is<IReadOnlyList<DataQualityFlag>>(f => f.Single().Code == DoseRules.PreviousDoseAbsent),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task DoseBeforeTheSubjectsBirth_IsRefused()
    {
        _store.Setup(s => s.GetAsync(Asahikawa, It.IsAny<SubjectId>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Subject() with { BirthDate = new DateOnly(2022, 1, 1) });

        var result = await RecordAsync(Request(1, "2021-06-01"));

        Assert.Equal("dose.before_birth", Assert.Single(result.Errors).Code);
        Assert.Empty(_saved);
    }

    [Fact]
    public async Task ShortInterval_IsStoredWithADataQualityWarning()
    {
        OnRecord(StoredDose(1, "2021-06-01"));

        var result = await RecordAsync(Request(2, "2021-06-05"));

        Assert.True(result.IsSuccess);
        Assert.Single(_saved);
        _dataQuality.Verify(d => d.SaveAsync(Asahikawa, It.Is<IReadOnlyList<DataQualityFlag>>(f => f.Single().Code == DoseRules.IntervalShort),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SameNumberWithOtherDetails_IsACorrection_ThatResolvesTheEarlierFlags_AndTheSameDetailsAgainLeaveTheFlagsAsTheyAre()
    {
        OnRecord(StoredDose(1, "2021-06-01"));

        var corrected = await RecordAsync(Request(1, "2021-06-02"));
        var repeated = await RecordAsync(Request(1, "2021-06-01"));

        Assert.True(corrected.IsSuccess && repeated.IsSuccess);
        Assert.Equal([new DateOnly(2021, 6, 2), new DateOnly(2021, 6, 1)], _saved.Select(d => d.Date));
        Assert.Equal(DateTimeOffset.UnixEpoch, _saved[1].RecordedAt);
        _dataQuality.Verify(d => d.ResolveForDoseAsync(Asahikawa, It.IsAny<SubjectId>(), DoseNumber.TryCreate(1).Value, "staff:staff-7",
            It.IsAny<CancellationToken>()), Times.Once);
        _dataQuality.Verify(d => d.SaveAsync(Asahikawa, It.IsAny<IReadOnlyList<DataQualityFlag>>(), It.IsAny<CancellationToken>()), Times.Once);
        _dataQuality.Verify(d => d.AddMissingAsync(Asahikawa, It.IsAny<IReadOnlyList<DataQualityFlag>>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private static DoseRecordingRequest Request(int number, string date) =>
        new(number, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "Pfizer", "Comirnaty", "mRNA", "FA5765", "Clinic", null, null);

    private void OnRecord(params DoseRecord[] doses) =>
        _store.Setup(s => s.GetDosesAsync(Asahikawa, It.IsAny<SubjectId>(), It.IsAny<CancellationToken>())).ReturnsAsync(doses);

    private Task<Result<SubjectView>> RecordAsync(DoseRecordingRequest request) => _service.RecordDoseAsync(Staff, "012041", "S-1", request, default);
}
