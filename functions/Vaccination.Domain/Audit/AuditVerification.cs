namespace Vaccination.Domain.Audit;

/// <summary>
/// The result of walking a tenant's audit chain from its first entry: how many entries verified, the chain head
/// (its last sequence number and hash, worth recording elsewhere as an anchor) and the first bad entry, if any.
/// </summary>
public sealed record AuditVerification(bool Intact, long EntriesVerified, long HeadSequence, string? HeadHash, AuditFault? FirstBad);
