namespace Vaccination.Application.Ingestion;

/// <summary>A "subject.deceased" event's details (F3).</summary>
public sealed record DeathPayload(DateOnly? Date);
