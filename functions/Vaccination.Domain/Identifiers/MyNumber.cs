using System.Diagnostics;
using System.Text.Json.Serialization;
using Vaccination.Domain.Results;

namespace Vaccination.Domain.Identifiers;

/// <summary>
/// An individual number (個人番号, D1): 12 digits, the last a check digit. Digits 1-11 weighted
/// 6,5,4,3,2,7,6,5,4,3,2; r = sum mod 11; check digit = 0 if r &lt;= 1, else 11 - r.
/// It never renders itself: <see cref="ToString"/>, the debugger and JSON all show a mask.
/// Only <see cref="RevealDigits"/> gives the number, and only the blind index and the encryptor call it.
/// </summary>
[DebuggerDisplay("MyNumber(****)")]
[JsonConverter(typeof(MyNumberJsonConverter))]
public sealed class MyNumber : IEquatable<MyNumber>
{
    public const string Mask = "************";

    private static readonly int[] Weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    private readonly string _digits;

    private MyNumber(string digits) => _digits = digits;

    public static Result<MyNumber> TryCreate(string? value, string field = "myNumber")
    {
        if (!Digits.IsDigitsOfLength(value, 12))
        {
            return Error.Validation("my_number.format", "A My Number is exactly 12 digits.", field);
        }

        if (value![11] - '0' != CheckDigit(value))
        {
            return Error.Validation("my_number.check_digit", "The My Number's check digit (12th digit) is wrong.", field);
        }

        return new MyNumber(value);
    }

    /// <summary>The 12 digits. Call only to encrypt or to compute the blind index; never log or return it.</summary>
    public string RevealDigits() => _digits;

    public override string ToString() => Mask;

    public bool Equals(MyNumber? other) => other is not null && string.Equals(_digits, other._digits, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as MyNumber);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_digits);

    private static int CheckDigit(string digits)
    {
        var remainder = Digits.WeightedSum(digits, Weights) % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }
}
