using Vaccination.Domain.Results;

namespace Vaccination.Domain.Certificates;

/// <summary>
/// The passport data an overseas certificate carries (D13): romanized surname and given names as in the passport's
/// machine-readable zone, passport number and nationality (ISO 3166-1 alpha-3). Personal: it is only stored encrypted
/// and never rendered by <see cref="ToString"/>.
/// </summary>
public sealed record PassportData
{
    /// <summary>An ICAO VDS-NC "pid.n" holds at most 39 characters: surname, a space, given names.</summary>
    public const int MaxNameLength = 39;

    private PassportData(string surname, string givenNames, string passportNumber, string nationality)
    {
        Surname = surname;
        GivenNames = givenNames;
        PassportNumber = passportNumber;
        Nationality = nationality;
    }

    public string Surname { get; }

    public string GivenNames { get; }

    public string PassportNumber { get; }

    public string Nationality { get; }

    /// <summary>The name as printed for travel: "SURNAME GIVEN NAMES".</summary>
    public string FullName => $"{Surname} {GivenNames}";

    public static Result<PassportData> TryCreate(string? surname, string? givenNames, string? passportNumber, string? nationality, string field = "passport")
    {
        var errors = new List<Error>();
        var cleanSurname = Latin(surname, $"{field}.surname", errors);
        var cleanGiven = Latin(givenNames, $"{field}.givenNames", errors);
        if (cleanSurname is not null && cleanGiven is not null && cleanSurname.Length + 1 + cleanGiven.Length > MaxNameLength)
        {
            errors.Add(Error.Validation("passport.name_too_long", $"Surname and given names together are at most {MaxNameLength - 1} letters.", $"{field}.givenNames"));
        }

        var number = TryCreateNumber(passportNumber, $"{field}.passportNumber");
        errors.AddRange(number.Errors);

        var country = nationality?.Trim().ToUpperInvariant();
        if (country is null || country.Length != 3 || !country.All(char.IsAsciiLetterUpper))
        {
            errors.Add(Error.Validation("passport.nationality_format", "Nationality is a three-letter ISO 3166-1 alpha-3 code such as JPN.", $"{field}.nationality"));
        }

        return errors.Count > 0
            ? Result<PassportData>.Failure(errors)
            : new PassportData(cleanSurname!, cleanGiven!, number.Value, country!);
    }

    /// <summary>A passport number: 1-9 letters or digits (ICAO VDS-NC "pid.i"), upper-cased.</summary>
    public static Result<string> TryCreateNumber(string? passportNumber, string field = "passport.passportNumber")
    {
        var number = passportNumber?.Trim().ToUpperInvariant();
        return number is { Length: >= 1 and <= 9 } && number.All(char.IsAsciiLetterOrDigit)
            ? number
            : Error.Validation("passport.number_format", "A passport number is 1-9 letters or digits.", field);
    }

    public override string ToString() => "PassportData(****)";

    private static string? Latin(string? value, string field, List<Error> errors)
    {
        var clean = value?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(clean) || clean.Length > MaxNameLength || !clean.All(c => char.IsAsciiLetterUpper(c) || c is ' ' or '-' or '\''))
        {
            errors.Add(Error.Validation("passport.name_format", "Names are given in Latin letters as in the passport.", field));
            return null;
        }

        return clean;
    }
}
