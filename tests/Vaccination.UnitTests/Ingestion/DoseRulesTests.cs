using Vaccination.Application.Ingestion;
using Vaccination.Domain.DataQuality;
using Vaccination.Domain.Subjects;
using static Vaccination.UnitTests.Ingestion.IngestionTestData;

namespace Vaccination.UnitTests.Ingestion;

public class DoseRulesTests
{
    private static readonly DateTimeOffset Now = Clock().GetUtcNow();

    private static DoseDetails Details(int number, string date, string? reason = null) =>
        Validator().ToDose(Dose(number, date, reason: reason), Asahikawa, [])!;

    [Fact]
    public void Check_DoseTwoWithoutDoseOne_Refused()
    {
        var result = DoseRules.Check(Subject(), [], Details(2, "2021-07-01"), "e", Now);

        Assert.Equal("dose.previous_missing", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Check_DoseTwoWithoutDoseOneButWithReason_FlagsWarning()
    {
        var result = DoseRules.Check(Subject(), [], Details(2, "2021-07-01", "administered_abroad"), "e", Now);

        var flag = Assert.Single(result.Value);
        Assert.Equal(DoseRules.PreviousDoseAbsent, flag.Code);
        Assert.Equal(DataQualitySeverity.Warning, flag.Severity);
    }

    [Fact]
    public void Check_IntervalShorterThanProductMinimum_FlagsWarning()
    {
        var result = DoseRules.Check(Subject(), [StoredDose(1, "2021-06-01")], Details(2, "2021-06-10"), "e", Now);

        Assert.Equal(DoseRules.IntervalShort, Assert.Single(result.Value).Code);
    }

    [Fact]
    public void Check_IntervalAtProductMinimum_NoFlag()
    {
        var result = DoseRules.Check(Subject(), [StoredDose(1, "2021-06-01")], Details(2, "2021-06-19"), "e", Now);

        Assert.Empty(result.Value);
    }

    [Theory]
    [InlineData(2, "2021-05-31", "dose.date_before_previous")]
    [InlineData(1, "2021-07-01", "dose.date_after_next")]
    public void Check_DateOutOfOrder_Refused(int number, string date, string code)
    {
        IReadOnlyList<DoseRecord> stored = number == 2 ? [StoredDose(1, "2021-06-01")] : [StoredDose(2, "2021-06-22")];

        var result = DoseRules.Check(Subject(), stored, Details(number, date), "e", Now);

        Assert.Equal(code, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Check_DoseAfterDeath_FlagsError()
    {
        var subject = Subject(new SubjectFlags { DeceasedOn = new DateOnly(2021, 5, 1) });

        var result = DoseRules.Check(subject, [], Details(1, "2021-06-01"), "e", Now);

        var flag = Assert.Single(result.Value);
        Assert.Equal(DoseRules.AfterDeath, flag.Code);
        Assert.Equal(DataQualitySeverity.Error, flag.Severity);
    }

    [Fact]
    public void Check_DoseBeforeBirth_Refused()
    {
        var subject = Subject() with { BirthDate = new DateOnly(2022, 1, 1) };

        var result = DoseRules.Check(subject, [], Details(1, "2021-06-01"), "e", Now);

        Assert.Equal("dose.before_birth", Assert.Single(result.Errors).Code);
    }
}
