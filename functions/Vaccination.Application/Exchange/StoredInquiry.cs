using Vaccination.Domain.Exchange;
using Vaccination.Domain.Identifiers;

namespace Vaccination.Application.Exchange;

/// <summary>
/// An inquiry kept at the inquiring municipality until its result expires. The My Number, the consent reference and
/// the result are stored encrypted; the row is deleted <see cref="ExchangeOptions.ResultRetention"/> after it ends.
/// </summary>
public sealed record StoredInquiry(
    InquiryId Id,
    SubjectId SubjectId,
    MyNumber MyNumber,
    MunicipalityCode FormerMunicipality,
    string LegalBasis,
    string? ConsentReference,
    string RequestedBy,
    string MessageId,
    InquiryStatus Status,
    DateTimeOffset CreatedAt)
{
    public DateTimeOffset? CompletedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public IReadOnlyList<ExchangedDose> Doses { get; init; } = [];

    public string? FailureReason { get; init; }

    public string? RetryHint { get; init; }

    /// <summary>Optimistic concurrency token from storage.</summary>
    public string? Version { get; init; }
}
