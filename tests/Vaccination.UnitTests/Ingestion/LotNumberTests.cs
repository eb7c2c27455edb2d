using Vaccination.Domain.Ingestion;

namespace Vaccination.UnitTests.Ingestion;

public class LotNumberTests
{
    [Theory]
    [InlineData("FA5765")]
    [InlineData("3004734")]
    [InlineData("ABV5300")]
    [InlineData(" EY0572 ")]
    public void TryCreate_LabelFormat_Succeeds(string value) => Assert.True(LotNumber.TryCreate(value).IsSuccess);

    [Theory]
    [InlineData("", "lot_number.required")]
    [InlineData(null, "lot_number.required")]
    [InlineData("fa5765", "lot_number.format")]
    [InlineData("FA 5765", "lot_number.format")]
    [InlineData("-FA5765", "lot_number.format")]
    [InlineData("A", "lot_number.format")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU", "lot_number.format")]
    public void TryCreate_Malformed_FailsWithCode(string? value, string code) =>
        Assert.Equal(code, Assert.Single(LotNumber.TryCreate(value).Errors).Code);
}
