using Vaccination.Domain.Results;

namespace Vaccination.Domain.Ingestion;

/// <summary>
/// A vaccine lot number (D10) as printed on the vial label: 2-20 upper-case ASCII letters, digits or hyphens, starting
/// with a letter or digit (e.g. "FA5765", "3004734", "ABV5300"). The VRS CSV field holds up to 20 characters.
/// </summary>
public readonly record struct LotNumber
{
    public const int MaxLength = 20;

    private LotNumber(string value) => Value = value;

    public string Value { get; }

    public static Result<LotNumber> TryCreate(string? value, string field = "lotNumber")
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return Error.Validation("lot_number.required", "A lot number is required.", field);
        }

        var valid = trimmed.Length is >= 2 and <= MaxLength
            && char.IsAsciiLetterOrDigit(trimmed[0])
            && trimmed.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c) || c == '-');
        return valid
            ? new LotNumber(trimmed)
            : Error.Validation("lot_number.format", $"A lot number is 2-{MaxLength} upper-case letters, digits or hyphens.", field);
    }

    public override string ToString() => Value ?? string.Empty;
}
