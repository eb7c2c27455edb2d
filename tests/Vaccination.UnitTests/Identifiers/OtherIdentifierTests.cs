using Microsoft.Extensions.Time.Testing;
using Vaccination.Domain.Identifiers;

namespace Vaccination.UnitTests.Identifiers;

public class OtherIdentifierTests
{
    [Theory]
    [InlineData("1234567890", true)]
    [InlineData("0000000001", true)]
    [InlineData("123456789", false)]
    [InlineData("12345678901", false)]
    [InlineData("12345a7890", false)]
    public void TicketNumber_TryCreate_AcceptsExactlyTenDigits(string value, bool valid)
    {
        Assert.Equal(valid, TicketNumber.TryCreate(value).IsSuccess);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(-1, false)]
    [InlineData(1, true)]
    [InlineData(7, true)]
    public void DoseNumber_TryCreate_IsOneOrMore(int value, bool valid)
    {
        Assert.Equal(valid, DoseNumber.TryCreate(value).IsSuccess);
    }

    [Theory]
    [InlineData("A-1", true)]
    [InlineData("000123456789", true)]
    [InlineData("", false)]
    [InlineData("a/b", false)]
    [InlineData("a#b", false)]
    [InlineData("123456789012345678901", false)]
    public void SubjectId_TryCreate_AllowsOnlySafeRowKeyCharacters(string value, bool valid)
    {
        Assert.Equal(valid, SubjectId.TryCreate(value).IsSuccess);
    }

    [Fact]
    public void PastDate_Tomorrow_IsRefused()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));

        var result = PastDate.TryCreate(new DateOnly(2026, 12, 1), clock, "date");

        Assert.Equal("date.future", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void PastDate_TodayInJapanWhileStillYesterdayInUtc_IsAccepted()
    {
        // 2026-11-30T20:00Z is already 2026-12-01 in Japan.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 20, 0, 0, TimeSpan.Zero));

        Assert.True(PastDate.TryCreate(new DateOnly(2026, 12, 1), clock, "date").IsSuccess);
    }

    [Fact]
    public void PastDate_BeforeFloor_IsRefused()
    {
        var result = PastDate.TryCreate(new DateOnly(2021, 2, 16), TimeProvider.System, "date", new DateOnly(2021, 2, 17));

        Assert.Equal("date.too_early", Assert.Single(result.Errors).Code);
    }
}
