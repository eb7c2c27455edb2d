using System.Text.Json;
using System.Text.RegularExpressions;
using Vaccination.Domain.Identifiers;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// S4: a vaccination-site caller must never send a My Number. Before anything of a site's event is read, stored or
/// logged, this looks for a property named like "myNumber" at any depth and for any 12-digit run, in a string or a
/// number, that passes the My Number check digit
/// (also written 4-4-4 with hyphens or spaces).
/// </summary>
public static partial class SiteContentScreen
{
    public static bool ContainsMyNumber(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (IsMyNumberName(property.Name) || ContainsMyNumber(property.Value))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Array:
                return element.EnumerateArray().Any(ContainsMyNumber);
            case JsonValueKind.String:
                return HasCheckedTwelveDigits(element.GetString()!);
            case JsonValueKind.Number:
                return HasCheckedTwelveDigits(element.GetRawText());
            default:
                return false;
        }
    }

    private static bool IsMyNumberName(string name)
    {
        var letters = new string(name.Where(char.IsAsciiLetterOrDigit).ToArray());
        return letters.Contains("mynumber", StringComparison.OrdinalIgnoreCase)
            || letters.Contains("individualnumber", StringComparison.OrdinalIgnoreCase)
            || name.Contains("個人番号", StringComparison.Ordinal)
            || name.Contains("マイナンバー", StringComparison.Ordinal);
    }

    /// <summary>An isolated run of exactly 12 digits, or 4-4-4 digits separated by a hyphen or space, that passes the check digit.</summary>
    private static bool HasCheckedTwelveDigits(string text) =>
        TwelveDigits().Matches(text).Any(match => MyNumber.TryCreate(new string(match.Value.Where(char.IsAsciiDigit).ToArray())).IsSuccess);

    [GeneratedRegex(@"(?<!\d)(\d{12}|\d{4}[- ]\d{4}[- ]\d{4})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex TwelveDigits();
}
