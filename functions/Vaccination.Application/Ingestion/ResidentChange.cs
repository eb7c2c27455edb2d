using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;

namespace Vaccination.Application.Ingestion;

/// <summary>Validated resident-registry changes (S17); null members are left as they are.</summary>
public sealed record ResidentChange(string? Name, DateOnly? BirthDate, Sex? Sex, MyNumber? MyNumber)
{
    public VaccinationSubject ApplyTo(VaccinationSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject with
        {
            Name = Name ?? subject.Name,
            BirthDate = BirthDate ?? subject.BirthDate,
            Sex = Sex ?? subject.Sex,
            MyNumber = MyNumber ?? subject.MyNumber,
        };
    }
}
