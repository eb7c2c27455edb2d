namespace Vaccination.Application.Statistics;

/// <summary>Ten-year age bands at the vaccination date ("0-9" ... "80-89", "90+"); "unknown" when the data is inconsistent.</summary>
public static class AgeBands
{
    public const string Unknown = "unknown";

    public static string At(DateOnly birthDate, DateOnly date)
    {
        var age = date.Year - birthDate.Year - (date < birthDate.AddYears(date.Year - birthDate.Year) ? 1 : 0);
        return age switch
        {
            < 0 => Unknown,
            >= 90 => "90+",
            _ => $"{age / 10 * 10}-{(age / 10 * 10) + 9}",
        };
    }
}
