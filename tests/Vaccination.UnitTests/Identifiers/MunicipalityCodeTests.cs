using Vaccination.Domain.Identifiers;

namespace Vaccination.UnitTests.Identifiers;

public class MunicipalityCodeTests
{
    [Theory]
    [InlineData("012041")] // Asahikawa
    [InlineData("011002")] // Sapporo
    [InlineData("131016")] // Chiyoda
    public void TryCreate_ValidCode_Succeeds(string value)
    {
        var result = MunicipalityCode.TryCreate(value);

        Assert.True(result.IsSuccess);
        Assert.Equal(value, result.Value.Value);
    }

    [Fact]
    public void TryCreate_WrongCheckDigit_FailsWithClearMessage()
    {
        var result = MunicipalityCode.TryCreate("012042");

        var error = Assert.Single(result.Errors);
        Assert.Equal("municipality_code.check_digit", error.Code);
        Assert.Contains("check digit", error.Message, StringComparison.Ordinal);
        Assert.Equal("municipalityCode", error.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("01204")]
    [InlineData("0120411")]
    [InlineData("01204a")]
    [InlineData("０１２０４１")]
    public void TryCreate_NotSixAsciiDigits_FailsWithFormatError(string? value)
    {
        var result = MunicipalityCode.TryCreate(value);

        Assert.Equal("municipality_code.format", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void TryCreate_FakeCodeAllZeros_IsRefusedByCheckDigit()
    {
        // 000000 was accepted by a real booking site; its check digit would be (11 - 0) mod 10 = 1.
        Assert.False(MunicipalityCode.TryCreate("000000").IsSuccess);
    }

    [Fact]
    public void TryCreate_EveryCheckDigit_OnlyTheComputedOneIsAccepted()
    {
        var accepted = Enumerable.Range(0, 10).Where(d => MunicipalityCode.TryCreate($"01204{d}").IsSuccess).ToList();

        Assert.Equal([1], accepted);
    }
}
