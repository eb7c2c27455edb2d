namespace Vaccination.Application.Retention;

/// <summary>
/// The signed summary of a certificate of deletion: who approved what, when it was executed, how many persons and
/// rows, a SHA-256 over the erased internal numbers, and the destroyed person keys: their count, a SHA-256 over
/// their ids and how many signed pages list them (<see cref="DestroyedKeyPage"/>). Hashes are over the sorted values,
/// one per line, UTF-8, lowercase hex.
/// </summary>
public sealed record DeletionReport(
    string CertificateId,
    string Tenant,
    string ProposalId,
    DateTimeOffset ExecutedAt,
    string ApprovedBy,
    int Persons,
    int Rows,
    string ErasedIdsSha256,
    int DestroyedKeys,
    string DestroyedKeyIdsSha256,
    int DestroyedKeyPages);
