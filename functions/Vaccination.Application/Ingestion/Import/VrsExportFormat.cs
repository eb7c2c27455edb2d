using System.Globalization;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;
using Vaccination.Domain.Tenants;

namespace Vaccination.Application.Ingestion.Import;

/// <summary>
/// The VRS CSV export for municipal registers (予防接種台帳向け出力): 個別宛名番号, then one block per dose of
/// 接種履歴登録日時 (YYYYMMDDHHMMSS, Japan time), 接種日 (YYYYMMDD), 券番号 (10 digits), 接種自治体コード (6 digits),
/// 接種会場名, 接種医師名, ワクチンメーカー, ロット番号. The block repeats for dose 2, 3, ...; empty trailing blocks
/// mean no further dose. Numbers come right-aligned without zero padding, so short ticket numbers and municipality
/// codes are padded back to their width.
/// </summary>
public static class VrsExportFormat
{
    public const int BlockWidth = 8;
    public const string SubjectColumn = "個別宛名番号";

    public static IReadOnlyList<string> BlockColumns { get; } =
        ["接種履歴登録日時", "接種日", "券番号", "接種自治体コード", "接種会場名", "接種医師名", "ワクチンメーカー", "ロット番号"];

    /// <summary>The names error reports use for the block's columns ("dose2.lotNumber"), as in the webhook's dose.</summary>
    private static readonly string[] FieldNames =
        ["registeredAt", "date", "ticketNumber", "administeredBy", "siteName", "physicianName", "manufacturer", "lotNumber"];

    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    /// <summary>Checks the header line: the subject column, then whole blocks whose names start with the expected ones.</summary>
    public static Result CheckHeader(IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var valid = fields.Count > BlockWidth && (fields.Count - 1) % BlockWidth == 0
            && fields[0].TrimStart('\uFEFF').StartsWith(SubjectColumn, StringComparison.Ordinal)
            && fields.Skip(1).Select((name, i) => name.StartsWith(BlockColumns[i % BlockWidth], StringComparison.Ordinal)).All(ok => ok);
        return valid
            ? Result.Success()
            : Result.Failure(Error.Validation("csv.header", $"The header is {SubjectColumn} followed by blocks of: {string.Join(", ", BlockColumns)}.", "header"));
    }

    /// <summary>Validates one data line into a subject and its doses, collecting every field error.</summary>
    public static Result<ImportRow> Parse(VrsExportRow row, Tenant tenant, WebhookEventValidator validator)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(validator);
        var errors = new List<Error>();
        var subjectId = SubjectId.TryCreate(row.Fields.Count > 0 ? row.Fields[0] : null, SubjectColumn);
        errors.AddRange(subjectId.Errors);
        var doses = new List<ImportedDose>();
        var ended = false;
        for (var start = 1; start < row.Fields.Count; start += BlockWidth)
        {
            var block = Enumerable.Range(start, BlockWidth).Select(i => i < row.Fields.Count ? row.Fields[i] : string.Empty).ToList();
            var number = (start - 1) / BlockWidth + 1;
            if (block.All(string.IsNullOrEmpty))
            {
                ended = true;
                continue;
            }

            if (ended)
            {
                errors.Add(Error.Validation("dose.previous_missing", "A dose block follows an empty one; dose n needs dose n-1.", Field(number, 1)));
                break;
            }

            if (ParseBlock(block, number, tenant, validator, errors) is { } dose)
            {
                doses.Add(dose);
            }
        }

        if (doses.Count == 0 && errors.Count == 0)
        {
            errors.Add(Error.Validation("row.no_doses", "The line holds no dose.", "row"));
        }

        return errors.Count > 0 ? Result<ImportRow>.Failure(errors) : new ImportRow(row.LineNumber, subjectId.Value, doses);
    }

    private static ImportedDose? ParseBlock(List<string> block, int number, Tenant tenant, WebhookEventValidator validator, List<Error> errors)
    {
        var before = errors.Count;
        var registeredAt = ParseTimestamp(block[0], Field(number, 0), errors);
        var date = ParseDate(block[1], Field(number, 1), errors);
        var ticket = TicketNumber.TryCreate(PadDigits(block[2], 10), Field(number, 2));
        errors.AddRange(ticket.Errors);
        var payload = new DosePayload(
            number, date, NullIfEmpty(block[6]), null, null, block[7], NullIfEmpty(block[4]), NullIfEmpty(block[5]),
            NullIfEmpty(PadDigits(block[3], 6)), null);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"dose{number}.");
        var dose = date is null ? null : validator.ToDose(payload, tenant, errors, prefix);
        return errors.Count > before || dose is null ? null : new ImportedDose(dose, ticket.Value, registeredAt!.Value);
    }

    private static DateTimeOffset? ParseTimestamp(string value, string field, List<Error> errors)
    {
        if (DateTime.TryParseExact(value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, JapanOffset);
        }

        errors.Add(Error.Validation("registered_at.format", "接種履歴登録日時 is YYYYMMDDHHMMSS.", field));
        return null;
    }

    private static DateOnly? ParseDate(string value, string field, List<Error> errors)
    {
        if (DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(Error.Validation("date.format", "接種日 is YYYYMMDD.", field));
        return null;
    }

    /// <summary>Restores leading zeros a right-aligned numeric export dropped; anything not purely digits is returned as is.</summary>
    private static string PadDigits(string value, int width) =>
        value.Length > 0 && value.Length < width && value.All(char.IsAsciiDigit) ? value.PadLeft(width, '0') : value;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static string Field(int dose, int column) =>
        string.Create(CultureInfo.InvariantCulture, $"dose{dose}.{FieldNames[column]}");
}
