using System.Text.Json.Serialization;
using Vaccination.Domain.Results;

namespace Vaccination.Application.Ingestion;

/// <summary>
/// The answer to one event: "applied", "refused" or (when the sender asked to be answered asynchronously) "queued",
/// the subject and dose it concerned, the data-quality flags it raised, and every error when refused. Holds ids and
/// codes only, so it can be stored and replayed.
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
    public const string Queued = "queued";

    /// <summary>True when this is the stored answer to an earlier delivery of the same event id.</summary>
    public bool Replayed { get; init; }

    [JsonIgnore]
    public bool IsApplied => Result == Applied;

    [JsonIgnore]
    public bool IsQueued => Result == Queued;

    public static EventOutcome Refusal(string? eventId, string? type, IReadOnlyList<Error> errors) =>
        new(eventId, type, Refused, null, null, [], errors);

    public static EventOutcome Queueing(string eventId, string type) => new(eventId, type, Queued, null, null, [], []);

    /// <summary>The outcome of applying a validated event: applied with its subject, dose and flags, or refused with every error.</summary>
    public static EventOutcome Of(IngestionCommand command, Result<AppliedEvent> applied)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(applied);
        var type = IngestionEventTypes.ToName(command.Type);
        return applied.IsSuccess
            ? new EventOutcome(command.EventId.Value, type, Applied, applied.Value.SubjectId.Value, applied.Value.Dose?.Value,
                applied.Value.Flags.Select(f => f.Code).Distinct().ToList(), [])
            : Refusal(command.EventId.Value, type, applied.Errors);
    }
}
