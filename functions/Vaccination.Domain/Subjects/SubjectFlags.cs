using Vaccination.Domain.Identifiers;

namespace Vaccination.Domain.Subjects;

/// <summary>Status flags on a subject (F3, S19, S21): move-out, death, protection, suspension, confirmed-record lock.</summary>
public sealed record SubjectFlags
{
    public static SubjectFlags None { get; } = new();

    public DateOnly? MovedOutOn { get; init; }

    public MunicipalityCode? MovedTo { get; init; }

    public DateOnly? DeceasedOn { get; init; }

    /// <summary>自動応答不可: never answered automatically (e.g. DV victims); no app or kiosk certificates.</summary>
    public bool AutoResponseDisabled { get; init; }

    /// <summary>Suspension of use requested by the person (S21).</summary>
    public bool Suspended { get; init; }

    /// <summary>Staff confirmed the records; webhook changes are refused and kept for review.</summary>
    public bool Confirmed { get; init; }
}
