namespace Vaccination.Application.Ingestion;

/// <summary>A "dose.cancelled" event's details: which dose, and why (e.g. "recorded_in_error").</summary>
public sealed record DoseCancellationPayload(int? DoseNumber, string? Reason);
