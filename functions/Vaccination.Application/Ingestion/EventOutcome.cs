using System.Text.Json.Serialization;
using Vaccination.Domain.Results;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// The answer to one event: "applied" or "refused", the subject and dose it concerned, the data-quality flags it
/// raised, and every error when refused. Holds ids and codes only, so it can be stored and replayed.
/// </summary>
public sealed record EventOutcome(
    string? EventId,
    string? Type,
    string Result,
    string? SubjectId,
    int? DoseNumber,
    IReadOnlyList<string> DataQuality,
    IReadOnlyList<Error> Errors)
{
    public const string Applied = "applied";
    public const string Refused = "refused";

    /// <summary>True when this is the stored answer to an earlier delivery of the same event id.</summary>
    public bool Replayed { get; init; }

    [JsonIgnore]
    public bool IsApplied => Errors.Count == 0;

    public static EventOutcome Refusal(string? eventId, string? type, IReadOnlyList<Error> errors) =>
        new(eventId, type, Refused, null, null, [], errors);
}
