using Vaccination.Application.Ingestion.Import;
using static Vaccination.UnitTests.Ingestion.IngestionTestData;

namespace Vaccination.UnitTests.Ingestion;

public class VrsExportFormatTests
{
    private static readonly string[] Header =
    [
        "個別宛名番号", "接種履歴登録日時", "接種日", "券番号", "接種自治体コード", "接種会場名", "接種医師名", "ワクチンメーカー", "ロット番号",
        "接種履歴登録日時(2回目)", "接種日(2回目)", "券番号(2回目)", "接種自治体コード(2回目)", "接種会場名(2回目)", "接種医師名(2回目)", "ワクチンメーカー(2回目)", "ロット番号(2回目)",
    ];

    private static VrsExportRow Row(params string[] fields) => new(2, fields);

    [Fact]
    public void CheckHeader_TwoBlocks_Succeeds() => Assert.True(VrsExportFormat.CheckHeader(Header).IsSuccess);

    [Fact]
    public void CheckHeader_MissingColumn_Fails() =>
        Assert.Equal("csv.header", Assert.Single(VrsExportFormat.CheckHeader(Header[..^1]).Errors).Code);

    [Fact]
    public void Parse_TwoDoses_UnpaddedNumbersAndVrsManufacturerPreset_AreRestored()
    {
        var result = VrsExportFormat.Parse(
            Row("A-1", "20210601101500", "20210601", "123456789", "12041", "Central Clinic", "Dr. Sato", "ファイザー", "FA5765",
                "20210622093000", "20210622", "123456789", "12041", "Central Clinic", "", "ファイザー", "EY0572"),
            Asahikawa, Validator());

        Assert.True(result.IsSuccess, string.Join(", ", result.Errors.Select(e => e.Code)));
        var doses = result.Value.Doses;
        Assert.Equal([1, 2], doses.Select(d => d.Dose.Number.Value).ToArray());
        Assert.Equal("0123456789", doses[0].Ticket.Value);
        Assert.Equal("012041", doses[0].Dose.AdministeredBy.Value);
        Assert.Equal("Comirnaty", doses[0].Dose.Product.Name);
        Assert.Null(doses[1].Dose.PhysicianName);
        Assert.Equal(new DateTimeOffset(2021, 6, 1, 1, 15, 0, TimeSpan.Zero), doses[0].RegisteredAt.ToUniversalTime());
    }

    [Fact]
    public void Parse_EmptySecondBlock_IsOneDose()
    {
        var result = VrsExportFormat.Parse(
            Row("A-1", "20210601101500", "20210601", "0123456789", "012041", "Clinic", "", "武田/モデルナ", "3004734", "", "", "", "", "", "", "", ""),
            Asahikawa, Validator());

        Assert.Equal("Spikevax", Assert.Single(result.Value.Doses).Dose.Product.Name);
    }

    [Fact]
    public void Parse_BlockAfterEmptyBlock_RefusedAsGap()
    {
        var result = VrsExportFormat.Parse(
            Row("A-1", "", "", "", "", "", "", "", "", "20210622093000", "20210622", "0123456789", "012041", "Clinic", "", "ファイザー", "EY0572"),
            Asahikawa, Validator());

        Assert.Equal("dose.previous_missing", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Parse_BadFields_ListsEveryErrorWithDoseFields()
    {
        var result = VrsExportFormat.Parse(
            Row("bad id!", "2021-06-01", "20210231", "12345678901", "012042", "Clinic", "", "Acme", "fa 5765"),
            Asahikawa, Validator());

        Assert.Equal(
            ["subject_id.format", "registered_at.format", "date.format", "ticket_number.format"],
            result.Errors.Select(e => e.Code).ToArray());
        Assert.Equal("dose1.registeredAt", result.Errors[1].Field);
    }

    [Fact]
    public void Parse_ValidDateButUnknownManufacturerAndLot_ReportsCodeListAndLotErrors()
    {
        var result = VrsExportFormat.Parse(
            Row("A-1", "20210601101500", "20210601", "0123456789", "012042", "Clinic", "", "Acme", "fa 5765"),
            Asahikawa, Validator());

        Assert.Equal(["manufacturer.unknown", "lot_number.format", "municipality_code.check_digit"], result.Errors.Select(e => e.Code).ToArray());
        Assert.Equal("dose1.manufacturer", result.Errors[0].Field);
    }

    [Fact]
    public void Parse_NoDoseAtAll_Refused()
    {
        var result = VrsExportFormat.Parse(Row("A-1", "", "", "", "", "", "", "", ""), Asahikawa, Validator());

        Assert.Equal("row.no_doses", Assert.Single(result.Errors).Code);
    }
}
