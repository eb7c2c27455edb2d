using System.Text.Json;
using System.Text.Json.Serialization;
using Vaccination.Domain.Exchange;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;

namespace Vaccination.Application.Exchange;

/// <summary>
/// The wire form of <see cref="ExchangeMessage"/> (JSON, the same on every transport) and its strict parser: a body
/// that is not a well-formed envelope is rejected, never half-read.
/// </summary>
public static class ExchangeMessageCodec
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static string Serialize(ExchangeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.Serialize(
            new Wire(message.MessageId, message.InquiryId, message.Sender.Value, message.Recipient.Value, message.Type, message.LegalBasis,
                message.SentAt, message.RecipientKeyId, message.Payload, message.FailureReason, message.RetryHint),
            Options);
    }

    public static Result<ExchangeMessage> Parse(string? body)
    {
        Wire? wire;
        try
        {
            wire = body is null ? null : JsonSerializer.Deserialize<Wire>(body, Options);
        }
        catch (JsonException)
        {
            wire = null;
        }

        if (wire is null || !IsMessageId(wire.MessageId) || !InquiryId.TryCreate(wire.InquiryId).IsSuccess
            || !MunicipalityCode.TryParse(wire.Sender, out var sender) || !MunicipalityCode.TryParse(wire.Recipient, out var recipient)
            || wire.LegalBasis is not { Length: > 0 and <= 64 } || wire.Type is not { } type || !Enum.IsDefined(type))
        {
            return Error.Validation("exchange.malformed_message", "The body is not a well-formed exchange message.");
        }

        return new ExchangeMessage(wire.MessageId!, wire.InquiryId!, sender, recipient, type, wire.LegalBasis, wire.SentAt,
            wire.RecipientKeyId, wire.Payload)
        {
            FailureReason = wire.FailureReason,
            RetryHint = wire.RetryHint,
        };
    }

    /// <summary>Serialises a payload record for encryption.</summary>
    public static byte[] ToPayloadBytes<T>(T payload) => JsonSerializer.SerializeToUtf8Bytes(payload, Options);

    /// <summary>Reads a decrypted payload; null when it is not the expected shape.</summary>
    public static T? FromPayloadBytes<T>(ReadOnlySpan<byte> plaintext)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(plaintext, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Message ids are 32 lowercase hex digits (a GUID without hyphens).</summary>
    public static bool IsMessageId(string? value) => value is { Length: 32 } && value.All(char.IsAsciiHexDigitLower);

    public static string NewMessageId() => Guid.NewGuid().ToString("N");

    private sealed record Wire(
        string? MessageId,
        string? InquiryId,
        string? Sender,
        string? Recipient,
        ExchangeMessageType? Type,
        string? LegalBasis,
        DateTimeOffset SentAt,
        string? RecipientKeyId,
        string? Payload,
        string? FailureReason,
        string? RetryHint);
}
