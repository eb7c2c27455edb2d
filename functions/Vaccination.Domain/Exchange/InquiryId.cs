using System.Globalization;
using Vaccination.Domain.Results;

namespace Vaccination.Domain.Exchange;

/// <summary>
/// The id of an inquiry: 32 lowercase hex digits, or for an inquiry of a bulk job the job's id, a hyphen and the
/// line number (5 digits). The leading hex spreads inquiries over partitions, and keeps a job's inquiries together.
/// </summary>
public readonly record struct InquiryId
{
    private InquiryId(string value) => Value = value;

    public string Value { get; }

    /// <summary>The job id of a bulk inquiry; null for a single inquiry.</summary>
    public string? JobId => Value is { Length: > 32 } ? Value[..32] : null;

    public static InquiryId New() => new(Guid.NewGuid().ToString("N"));

    public static InquiryId ForJob(string jobId, int line) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{jobId}-{line:D5}"));

    public static Result<InquiryId> TryCreate(string? value, string field = "inquiryId")
    {
        var valid = value is { Length: 32 or 38 }
            && value.Take(32).All(char.IsAsciiHexDigitLower)
            && (value.Length == 32 || (value[32] == '-' && value.Skip(33).All(char.IsAsciiDigit)));
        return valid ? new InquiryId(value!) : Error.Validation("inquiry_id.format", "An inquiry id is 32 lowercase hex digits, optionally -NNNNN.", field);
    }

    public static bool IsJobId(string? value) => value is { Length: 32 } && value.All(char.IsAsciiHexDigitLower);

    public override string ToString() => Value ?? string.Empty;
}
