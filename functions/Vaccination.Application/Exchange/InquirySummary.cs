using Vaccination.Domain.Exchange;

namespace Vaccination.Application.Exchange;

/// <summary>What progress and result files show of an inquiry: no My Number, no doses, nothing decrypted.</summary>
public sealed record InquirySummary(
    string InquiryId,
    string SubjectId,
    InquiryStatus Status,
    int DoseCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? ExpiresAt,
    string? FailureReason,
    string? RetryHint);
