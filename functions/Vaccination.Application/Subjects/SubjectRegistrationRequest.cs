namespace Vaccination.Application.Subjects;

/// <summary>The body of a subject registration or update, as received (unvalidated strings).</summary>
public sealed record SubjectRegistrationRequest(
    string? MyNumber,
    string? Name,
    DateOnly? BirthDate,
    string? Sex,
    IReadOnlyList<string>? Tickets,
    string? Version = null);
