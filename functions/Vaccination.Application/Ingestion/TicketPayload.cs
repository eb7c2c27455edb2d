namespace Vaccination.Application.Ingestion;

/// <summary>A ticket issued ("ticket.issued") or reissued ("ticket.reissued": <see cref="Replaces"/> names the old one).</summary>
public sealed record TicketPayload(string? TicketNumber, string? Replaces);
