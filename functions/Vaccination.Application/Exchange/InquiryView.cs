namespace Vaccination.Application.Exchange;

/// <summary>What staff see of an inquiry: never the My Number.</summary>
public sealed record InquiryView(
    string InquiryId,
    string Status,
    string SubjectId,
    string FormerMunicipality,
    string LegalBasis,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? ExpiresAt,
    IReadOnlyList<ExchangedDose> Doses,
    string? FailureReason,
    string? Retry);
