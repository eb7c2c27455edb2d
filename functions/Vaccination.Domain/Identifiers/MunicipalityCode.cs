using System.Diagnostics.CodeAnalysis;
using Vaccination.Domain.Results;

namespace Vaccination.Domain.Identifiers;

/// <summary>
/// A 6-digit local government code (全国地方公共団体コード, D3) with its check digit:
/// digits 1-5 weighted 6,5,4,3,2; r = sum mod 11; check digit = (11 - r) mod 10.
/// </summary>
public readonly record struct MunicipalityCode
{
    private static readonly int[] Weights = [6, 5, 4, 3, 2];

    private MunicipalityCode(string value) => Value = value;

    public string Value { get; }

    public static Result<MunicipalityCode> TryCreate(string? value, string field = "municipalityCode")
    {
        if (!Digits.IsDigitsOfLength(value, 6))
        {
            return Error.Validation("municipality_code.format", "A municipality code is exactly 6 digits.", field);
        }

        if (value![5] - '0' != CheckDigit(value))
        {
            return Error.Validation("municipality_code.check_digit", "The municipality code's check digit (6th digit) is wrong.", field);
        }

        return new MunicipalityCode(value);
    }

    public static bool TryParse([NotNullWhen(true)] string? value, out MunicipalityCode code)
    {
        var result = TryCreate(value);
        code = result.IsSuccess ? result.Value : default;
        return result.IsSuccess;
    }

    /// <summary>Creates a code that is known to be valid (configuration, tests); throws otherwise.</summary>
    public static MunicipalityCode Parse(string value)
    {
        var result = TryCreate(value);
        return result.IsSuccess ? result.Value : throw new FormatException(result.Errors[0].Message);
    }

    public override string ToString() => Value ?? string.Empty;

    private static int CheckDigit(string digits) => (11 - (Digits.WeightedSum(digits, Weights) % 11)) % 10;
}
