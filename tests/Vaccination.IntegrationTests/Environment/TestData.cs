using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;

namespace Vaccination.IntegrationTests.Environment;

/// <summary>Tenants and people used by the integration tests; the personal values are what the scans look for.</summary>
public static class TestData
{
    public static readonly Tenant Asahikawa = new(MunicipalityCode.Parse("012041"), "Asahikawa", "Hokkaido", 20, true, 16);
    public static readonly Tenant Sapporo = new(MunicipalityCode.Parse("011002"), "Sapporo", "Hokkaido", 5, true, 16);

    public const string MyNumberDigits = "123456789018";
    public const string Name = "旭川 花子";
    public const string LatinName = "Hanako Asahikawa";
    public static readonly DateOnly BirthDate = new(1975, 3, 14);

    /// <summary>Every rendering of the personal values that must never be found in clear.</summary>
    public static IReadOnlyList<string> PersonalValues { get; } =
    [
        MyNumberDigits, Name, "旭川", "花子", LatinName, "1975-03-14", "19750314", "1975/03/14", "FA5765", "Asahikawa Central Clinic",
    ];

    public static VaccinationSubject Subject(string id, string? myNumber = MyNumberDigits, string name = Name) => new(
        SubjectId.TryCreate(id).Value,
        myNumber is null ? null : MyNumber.TryCreate(myNumber).Value,
        name,
        BirthDate,
        Sex.Female,
        [TicketNumber.TryCreate("0123456789").Value],
        SubjectFlags.None);

    public static DoseRecord Dose(string subjectId, int number) => new(
        SubjectId.TryCreate(subjectId).Value,
        DoseNumber.TryCreate(number).Value,
        new DateOnly(2021, 6, 1).AddDays(28 * (number - 1)),
        "Pfizer",
        "Comirnaty",
        "mRNA",
        "FA5765",
        "Asahikawa Central Clinic",
        "Dr. Sato",
        TicketNumber.TryCreate("0123456789").Value,
        Asahikawa.Code,
        DateTimeOffset.UtcNow);

    /// <summary>Valid My Numbers made from a running counter (the 12th digit computed).</summary>
    public static string MyNumberFor(int index)
    {
        var prefix = (100_000_000_00L + index).ToString("D11", System.Globalization.CultureInfo.InvariantCulture);
        int[] weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        var remainder = prefix.Select((c, i) => (c - '0') * weights[i]).Sum() % 11;
        return prefix + (remainder <= 1 ? 0 : 11 - remainder);
    }
}
