using Vaccination.Domain.Results;

namespace Vaccination.Application.Exchange;

/// <summary>
/// Reads a bulk inquiry file: UTF-8 CSV with the header "subjectId,myNumber,formerMunicipality,legalBasis,consentReference"
/// and one mover per line. Values are codes and digits, so quoting is not supported; a line with a quote is refused.
/// </summary>
public static class BulkInquiryCsv
{
    public const string Header = "subjectId,myNumber,formerMunicipality,legalBasis,consentReference";
    public const int MaxLines = 20_000;

    public static Result<IReadOnlyList<InquiryRequest>> Parse(string? text)
    {
        var lines = (text ?? string.Empty).Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (lines.Count < 2 || !string.Equals(lines[0].Trim().TrimStart('\uFEFF'), Header, StringComparison.Ordinal))
        {
            return Error.Validation("bulk.header", $"The file must start with the header \"{Header}\" and hold at least one line.");
        }

        if (lines.Count - 1 > MaxLines)
        {
            return Error.Validation("bulk.too_many_lines", $"A bulk inquiry holds at most {MaxLines} lines.");
        }

        var requests = new List<InquiryRequest>(lines.Count - 1);
        var errors = new List<Error>();
        for (var i = 1; i < lines.Count; i++)
        {
            var cells = lines[i].Split(',');
            if (cells.Length != 5 || lines[i].Contains('"', StringComparison.Ordinal))
            {
                errors.Add(Error.Validation("bulk.line_format", "A line has exactly five comma-separated values without quotes.", LineField(i)));
                continue;
            }

            requests.Add(new InquiryRequest(cells[0].Trim(), cells[1].Trim(), cells[2].Trim(), cells[3].Trim(), cells[4].Trim()));
        }

        return errors.Count > 0 ? Result<IReadOnlyList<InquiryRequest>>.Failure(errors) : requests;
    }

    /// <summary>The field name used for errors of a data line (1 = the first line after the header).</summary>
    public static string LineField(int line) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"line[{line}]");
}
