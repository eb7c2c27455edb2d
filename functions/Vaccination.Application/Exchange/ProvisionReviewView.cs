namespace Vaccination.Application.Exchange;

/// <summary>A provision waiting in the former municipality's review queue, as its staff see it.</summary>
public sealed record ProvisionReviewView(
    string ReviewId,
    string InquiryId,
    string Inquirer,
    string LegalBasis,
    string? SubjectId,
    string Outcome,
    DateTimeOffset ReceivedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt);
