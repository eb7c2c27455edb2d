using System.Globalization;
using Vaccination.Domain.DataQuality;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;
using Vaccination.Domain.Subjects;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// The checks of a dose against the subject's other doses and flags. Impossible data is refused (dose n without
/// dose n-1 and no reason, a date before the previous dose or after the next, a date before birth); possible but
/// suspicious data is accepted with a data-quality flag.
/// </summary>
public static class DoseRules
{
    public const string IntervalShort = "dose.interval_short";
    public const string PreviousDoseAbsent = "dose.previous_dose_absent";
    public const string AfterDeath = "dose.after_death";
    public const string AfterMoveOut = "dose.after_move_out";
    public const string AgeBelowMinimum = "dose.age_below_minimum";
    public const string LaterDoseRemains = "dose.later_dose_remains";
    public const string AgeOver110 = "subject.age_over_110";

    public static Result<IReadOnlyList<DataQualityFlag>> Check(
        VaccinationSubject subject, IReadOnlyList<DoseRecord> doses, DoseDetails dose, string? eventId, DateTimeOffset now, string prefix = "dose.")
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(doses);
        ArgumentNullException.ThrowIfNull(dose);
        var errors = new List<Error>();
        var n = dose.Number.Value;
        var previous = doses.FirstOrDefault(d => d.Number.Value == n - 1);
        var next = doses.FirstOrDefault(d => d.Number.Value == n + 1);
        if (n > 1 && previous is null && dose.PreviousDoseMissingReason is null)
        {
            errors.Add(Error.Validation("dose.previous_missing",
                "Dose n needs dose n-1 on record; send previousDoseMissingReason when it cannot be.", prefix + "doseNumber"));
        }

        if (previous is not null && dose.Date < previous.Date)
        {
            errors.Add(Error.Validation("dose.date_before_previous", "The date is before the previous dose's date.", prefix + "date"));
        }

        if (next is not null && dose.Date > next.Date)
        {
            errors.Add(Error.Validation("dose.date_after_next", "The date is after the next dose's date.", prefix + "date"));
        }

        if (dose.Date < subject.BirthDate)
        {
            errors.Add(Error.Validation("dose.before_birth", "The date is before the person's birth date.", prefix + "date"));
        }

        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<DataQualityFlag>>.Failure(errors);
        }

        var flags = new List<DataQualityFlag>();
        void Flag(string code, DataQualitySeverity severity, string detail) =>
            flags.Add(new DataQualityFlag(subject.Id, code, severity, dose.Number, detail, eventId, now));

        if (previous is not null && dose.Date.DayNumber - previous.Date.DayNumber < dose.Product.MinimumIntervalDays)
        {
            Flag(IntervalShort, DataQualitySeverity.Warning, Invariant(
                $"{dose.Date.DayNumber - previous.Date.DayNumber} days after dose {n - 1}; {dose.Product.Name} expects at least {dose.Product.MinimumIntervalDays}."));
        }

        if (n > 1 && previous is null)
        {
            Flag(PreviousDoseAbsent, DataQualitySeverity.Warning, Invariant($"Dose {n - 1} is not on record: {dose.PreviousDoseMissingReason}."));
        }

        if (subject.BirthDate.AddMonths(6) > dose.Date)
        {
            Flag(AgeBelowMinimum, DataQualitySeverity.Error, "The person was younger than six months on the date of the dose.");
        }

        flags.AddRange(FlagsForStatus(subject, [dose.ToRecord(subject.Id, null, now)], eventId, now));
        return flags;
    }

    /// <summary>Flags for doses dated after the subject's death (error) or move-out (warning).</summary>
    public static IReadOnlyList<DataQualityFlag> FlagsForStatus(VaccinationSubject subject, IEnumerable<DoseRecord> doses, string? eventId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(doses);
        var flags = new List<DataQualityFlag>();
        foreach (var dose in doses)
        {
            if (subject.Flags.DeceasedOn is { } died && dose.Date > died)
            {
                flags.Add(new DataQualityFlag(subject.Id, AfterDeath, DataQualitySeverity.Error, dose.Number, "The dose is dated after the date of death.", eventId, now));
            }

            if (subject.Flags.MovedOutOn is { } moved && dose.Date > moved)
            {
                flags.Add(new DataQualityFlag(subject.Id, AfterMoveOut, DataQualitySeverity.Warning, dose.Number, "The dose is dated after the move-out date.", eventId, now));
            }
        }

        return flags;
    }

    /// <summary>Subject-level findings of a registration or resident change.</summary>
    public static IReadOnlyList<DataQualityFlag> FlagsForSubject(VaccinationSubject subject, DateOnly today, string? eventId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.BirthDate.AddYears(110) < today
            ? [new DataQualityFlag(subject.Id, AgeOver110, DataQualitySeverity.Warning, null, "The birth date makes the person older than 110.", eventId, now)]
            : [];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
