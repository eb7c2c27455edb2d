using Vaccination.Application.Export;
using Vaccination.Domain.Identifiers;

namespace Vaccination.UnitTests.Export;

public sealed class LedgerCsvTests
{
    private static readonly LedgerRow Row = new(
        SubjectId.TryCreate("A-1").Value,
        new DateTimeOffset(2021, 6, 1, 3, 4, 5, TimeSpan.Zero),
        new DateOnly(2021, 6, 1),
        TicketNumber.TryCreate("0123456789").Value,
        MunicipalityCode.Parse("012041"),
        "旭川市民会館",
        null,
        "Pfizer",
        "FA5765");

    [Fact]
    public void Header_IsTheVrsLedgerLayout() =>
        Assert.Equal("個別宛名番号,接種履歴登録日時,接種日,券番号,接種自治体コード,接種会場名,接種医師名,ワクチンメーカー,ロット番号\r\n", LedgerCsv.Line(LedgerCsv.Header));

    [Fact]
    public void Line_Row_WritesJapanTimeAndSlashDates_EmptyForMissingValues() =>
        Assert.Equal("A-1,2021/06/01 12:04:05,2021/06/01,0123456789,012041,旭川市民会館,,Pfizer,FA5765\r\n", LedgerCsv.Line(Row));

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Line_FieldsWithSeparatorsOrQuotes_AreQuoted(string value, string expected) =>
        Assert.Contains("," + expected + ",", LedgerCsv.Line(Row with { SiteName = value }), StringComparison.Ordinal);

    [Theory]
    [InlineData("=HYPERLINK(\"x\")")]
    [InlineData("+1")]
    [InlineData("@SUM(A1)")]
    public void Line_FormulaLikeText_IsPrefixed(string value) =>
        Assert.Contains("'" + value[0], LedgerCsv.Line(Row with { PhysicianName = value }), StringComparison.Ordinal);

    [Fact]
    public void Encoding_WritesAByteOrderMark() => Assert.Equal([0xEF, 0xBB, 0xBF], LedgerCsv.Encoding.GetPreamble());
}
