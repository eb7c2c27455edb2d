namespace Vaccination.Application.Ingestion;

/// <summary>A "subject.moved_out" event's details (F3): the date and the destination municipality's code.</summary>
public sealed record MoveOutPayload(DateOnly? Date, string? DestinationMunicipalityCode);
