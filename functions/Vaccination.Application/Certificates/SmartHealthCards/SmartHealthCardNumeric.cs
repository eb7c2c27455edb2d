using System.Text;

namespace Vaccination.Application.Certificates.SmartHealthCards;

/// <summary>
/// The QR content of a SMART Health Card: "shc:/" and then each JWS character as two digits, its code minus 45
/// ('-' is 00, 'z' is 77). The digits go into one numeric QR segment after the byte segment "shc:/".
/// </summary>
public static class SmartHealthCardNumeric
{
    public const string Prefix = "shc:/";

    public static string Digits(string jws)
    {
        ArgumentNullException.ThrowIfNull(jws);
        var digits = new StringBuilder(jws.Length * 2);
        foreach (var c in jws)
        {
            var value = c - 45;
            if (value is < 0 or > 77)
            {
                throw new ArgumentException("A compact JWS holds only base64url characters and dots.", nameof(jws));
            }

            digits.Append((char)('0' + value / 10)).Append((char)('0' + value % 10));
        }

        return digits.ToString();
    }

    public static string Encode(string jws) => Prefix + Digits(jws);

    public static string Decode(string numeric)
    {
        ArgumentNullException.ThrowIfNull(numeric);
        if (!numeric.StartsWith(Prefix, StringComparison.Ordinal) || (numeric.Length - Prefix.Length) % 2 != 0)
        {
            throw new FormatException("A SMART Health Card QR content is \"shc:/\" and pairs of digits.");
        }

        var jws = new StringBuilder((numeric.Length - Prefix.Length) / 2);
        for (var i = Prefix.Length; i < numeric.Length; i += 2)
        {
            var value = char.IsAsciiDigit(numeric[i]) && char.IsAsciiDigit(numeric[i + 1]) ? (numeric[i] - '0') * 10 + (numeric[i + 1] - '0') : -1;
            if (value is < 0 or > 77)
            {
                throw new FormatException("A SMART Health Card QR content holds pairs of digits from 00 to 77 after \"shc:/\".");
            }

            jws.Append((char)(value + 45));
        }

        return jws.ToString();
    }
}
