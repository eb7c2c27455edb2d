namespace Vaccination.Application.Ingestion;

/// <summary>The answer to a batch: one outcome per event, in the order sent, and the counts.</summary>
public sealed record BatchOutcome(int Applied, int Refused, int Replayed, IReadOnlyList<EventOutcome> Results);
