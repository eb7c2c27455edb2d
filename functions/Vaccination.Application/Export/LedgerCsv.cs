using System.Globalization;
using System.Text;

namespace Vaccination.Application.Export;

/// <summary>
/// Writes ledger rows as CSV (RFC 4180: CRLF, fields quoted when they hold a comma, quote or line break), UTF-8 with a
/// byte-order mark so that spreadsheet software reads the Japanese header. Dates are "yyyy/MM/dd" and times
/// "yyyy/MM/dd HH:mm:ss" in Japan time. Free-text cells that start like a spreadsheet formula get a leading apostrophe.
/// </summary>
public static class LedgerCsv
{
    public static readonly IReadOnlyList<string> Header =
        ["個別宛名番号", "接種履歴登録日時", "接種日", "券番号", "接種自治体コード", "接種会場名", "接種医師名", "ワクチンメーカー", "ロット番号"];

    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    public static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Quote)) + "\r\n";

    public static string Line(LedgerRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Line(
        [
            row.SubjectId.Value,
            row.RecordedAt.ToOffset(JapanOffset).ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture),
            row.Date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
            row.Ticket?.Value,
            row.AdministeredBy.Value,
            Text(row.SiteName),
            Text(row.PhysicianName),
            Text(row.Manufacturer),
            Text(row.LotNumber),
        ]);
    }

    private static string? Text(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string Quote(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;
}
