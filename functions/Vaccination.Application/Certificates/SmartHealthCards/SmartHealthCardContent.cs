using Vaccination.Domain.Subjects;

namespace Vaccination.Application.Certificates.SmartHealthCards;

/// <summary>What a SMART Health Card states: the person's name and birth date and their doses, each with its product code.</summary>
public sealed record SmartHealthCardContent(
    string FamilyName,
    IReadOnlyList<string> GivenNames,
    DateOnly BirthDate,
    IReadOnlyList<(DoseRecord Dose, VaccineProductCode Code)> Doses)
{
    public override string ToString() => "SmartHealthCardContent(****)";
}
