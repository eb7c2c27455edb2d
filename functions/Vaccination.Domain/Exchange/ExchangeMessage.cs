using Vaccination.Domain.Identifiers;

namespace Vaccination.Domain.Exchange;

/// <summary>
/// The envelope that travels between municipalities. Everything in clear is routing and audit metadata (ids, codes,
/// type, legal basis, times); personal data is only ever inside <see cref="Payload"/>, encrypted so that only the
/// recipient can read it (<see cref="RecipientKeyId"/> names the recipient key it was sealed to).
/// </summary>
public sealed record ExchangeMessage(
    string MessageId,
    string InquiryId,
    MunicipalityCode Sender,
    MunicipalityCode Recipient,
    ExchangeMessageType Type,
    string LegalBasis,
    DateTimeOffset SentAt,
    string? RecipientKeyId,
    string? Payload)
{
    /// <summary>Why delivery failed (<see cref="ExchangeMessageType.DeliveryFailure"/> only): a stable code, never personal data.</summary>
    public string? FailureReason { get; init; }

    /// <summary>What the inquirer should do after a failure: "retry", "fix-request" or "contact-support".</summary>
    public string? RetryHint { get; init; }
}
