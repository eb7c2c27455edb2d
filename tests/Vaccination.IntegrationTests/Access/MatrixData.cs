using static Vaccination.IntegrationTests.Environment.TestData;

namespace Vaccination.IntegrationTests.Access;

/// <summary>The person the matrix seeds and the bodies its rows send; the personal values are what denials must never contain.</summary>
public static class MatrixData
{
    public const string SubjectId = "MX-1";

    public static string MyNumber { get; } = MyNumberFor(9901);

    /// <summary>The number of a newcomer the own tenant inquires about (the inquiry and job rows).</summary>
    public static string NewcomerMyNumber { get; } = MyNumberFor(9902);

    public static IReadOnlyList<string> SensitiveValues { get; } = [MyNumber, NewcomerMyNumber, Name, "転入 太郎", "FA5765", "Asahikawa Central Clinic", "1975-03-14"];

    public static object Registration() => new
    {
        myNumber = MyNumber,
        name = Name,
        birthDate = "1975-03-14",
        sex = "Female",
        tickets = new[] { "9901990199" },
    };

    public static object Dose() => new
    {
        doseNumber = 1,
        date = "2021-06-01",
        manufacturer = "Pfizer",
        product = "Comirnaty",
        vaccineType = "mRNA",
        lotNumber = "FA5765",
        siteName = "Asahikawa Central Clinic",
    };
}
