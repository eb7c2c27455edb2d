using Vaccination.Application.Statistics;

namespace Vaccination.UnitTests.Statistics;

public sealed class AgeBandsTests
{
    [Theory]
    [InlineData("1975-03-14", "2021-06-01", "40-49")]
    [InlineData("1981-06-02", "2021-06-01", "30-39")]
    [InlineData("1981-06-01", "2021-06-01", "40-49")]
    [InlineData("2016-01-01", "2021-06-01", "0-9")]
    [InlineData("1920-01-01", "2021-06-01", "90+")]
    [InlineData("2022-01-01", "2021-06-01", AgeBands.Unknown)]
    public void At_BirthDateAndDoseDate_GivesTenYearBandOfAgeOnThatDay(string birth, string date, string expected) =>
        Assert.Equal(expected, AgeBands.At(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
}
