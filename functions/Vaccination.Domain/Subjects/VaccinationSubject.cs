using Vaccination.Domain.Identifiers;

namespace Vaccination.Domain.Subjects;

/// <summary>
/// A person registered for vaccination in one municipality (F1): internal number, My Number, name, birth date, sex,
/// tickets and flags. Name, birth date and My Number are personal and are only stored encrypted.
/// </summary>
public sealed record VaccinationSubject(
    SubjectId Id,
    MyNumber? MyNumber,
    string Name,
    DateOnly BirthDate,
    Sex Sex,
    IReadOnlyList<TicketNumber> Tickets,
    SubjectFlags Flags)
{
    /// <summary>Optimistic concurrency token from storage; null for a subject not yet stored.</summary>
    public string? Version { get; init; }
}
