namespace Vaccination.Api.Endpoints;

/// <summary>The answer to a batch (always 200 once the delivery is authenticated): counts and one result per event, in order.</summary>
public sealed record BatchResponse(int Applied, int Refused, int Replayed, IReadOnlyList<EventResponse> Results);
