using Vaccination.Domain.Results;

namespace Vaccination.Domain.Ingestion;

/// <summary>
/// The sender's id of a webhook event: 1-100 ASCII letters, digits, '.', '_', ':' or '-'. It is the idempotency key
/// within one tenant and is safe to log and to use as a table row key (no '/', '\', '#', '?').
/// </summary>
public readonly record struct EventId
{
    public const int MaxLength = 100;

    private EventId(string value) => Value = value;

    public string Value { get; }

    public static Result<EventId> TryCreate(string? value, string field = "eventId") =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-')
            ? new EventId(value)
            : Error.Validation("event_id.format", $"An event id is 1-{MaxLength} letters, digits, '.', '_', ':' or '-'.", field);

    public override string ToString() => Value ?? string.Empty;
}
