using Vaccination.Domain.Exchange;
using Vaccination.Domain.Identifiers;

namespace Vaccination.Application.Exchange;

/// <summary>
/// The former municipality's working state for one received inquiry message, keyed by the message id so that a
/// second delivery is recognised. It never holds the My Number or its blind index: only the matched internal number.
/// Rows held for review form the review queue.
/// </summary>
public sealed record StoredProvision(
    string MessageId,
    InquiryId InquiryId,
    MunicipalityCode Inquirer,
    string LegalBasis,
    string RequestedBy,
    DateTimeOffset ReceivedAt,
    ProvisionOutcome Outcome,
    SubjectId? SubjectId,
    string ResponseMessageId,
    bool ResponseSent,
    DateTimeOffset ExpiresAt)
{
    public string? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public string? Version { get; init; }
}
