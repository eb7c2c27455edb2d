namespace Vaccination.Application.Ingestion;

/// <summary>
/// A "resident.changed" event (S17): the resident-registry fields that changed, keyed by the internal number.
/// Only the fields sent are changed; at least one is required.
/// </summary>
public sealed record ResidentChangePayload(string? Name, DateOnly? BirthDate, string? Sex, string? MyNumber);
