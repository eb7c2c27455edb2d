using System.Text.Json.Serialization;

namespace Vaccination.Application.Individuals;

/// <summary>
/// A correction a person asked for (S21): the fields to change and the version read. A My Number is not a field here,
/// and any unknown member (such as "myNumber") makes the request invalid rather than being ignored.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CorrectionRequest(string? Name, DateOnly? BirthDate, string? Sex, IReadOnlyList<string>? Tickets, string? Version);
