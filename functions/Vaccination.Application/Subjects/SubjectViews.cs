using System.Globalization;
using Vaccination.Domain.Subjects;

namespace Vaccination.Application.Subjects;

/// <summary>Maps domain records to the views staff see; the one place that decides what leaves the system.</summary>
public static class SubjectViews
{
    public static SubjectView From(VaccinationSubject subject, IReadOnlyList<DoseRecord> doses)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(doses);
        var flags = subject.Flags;
        return new SubjectView(
            subject.Id.Value,
            subject.Name,
            subject.BirthDate,
            subject.Sex.ToString(),
            subject.MyNumber is not null,
            subject.Tickets.Select(t => t.Value).ToList(),
            new SubjectFlagsView(flags.MovedOutOn, flags.MovedTo?.Value, flags.DeceasedOn, flags.AutoResponseDisabled, flags.Suspended, flags.Confirmed),
            doses.OrderBy(d => d.Number.Value).Select(ToView).ToList(),
            subject.Version);
    }

    private static DoseView ToView(DoseRecord dose) => new(
        dose.Number.Value,
        dose.Date,
        dose.Manufacturer,
        dose.Product,
        dose.VaccineType,
        dose.LotNumber,
        dose.SiteName,
        dose.PhysicianName,
        dose.Ticket?.Value,
        dose.AdministeredBy.Value,
        dose.SourceMunicipality?.Value);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
