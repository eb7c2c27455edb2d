namespace Vaccination.Application.Ingestion;

/// <summary>A subject's registration data (D1, D4, D5) in "subject.registered" and "subject.updated" events.</summary>
/// <param name="MyNumber">12 digits with check digit; optional. Never accepted from vaccination sites.</param>
/// <param name="Sex">NotKnown, Male, Female or NotApplicable (ISO/IEC 5218).</param>
/// <param name="Tickets">The ticket numbers issued to the person (10 digits each).</param>
public sealed record SubjectPayload(string? MyNumber, string? Name, DateOnly? BirthDate, string? Sex, IReadOnlyList<string>? Tickets);
