namespace Vaccination.Application.Retention;

/// <summary>
/// The persons of one tenant whose retention period has ended, found by one sweep run, awaiting a decision (S16).
/// Nothing is erased until the proposal is approved.
/// </summary>
public sealed record ErasureProposal(
    string Id,
    ErasureProposalStatus Status,
    DateTimeOffset CreatedAt,
    int Persons,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Reason,
    string? CertificateId)
{
    public string? Version { get; init; }
}
