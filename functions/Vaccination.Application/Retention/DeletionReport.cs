namespace Vaccination.Application.Retention;

/// <summary>
/// The content of a certificate of deletion: who approved what, when it was executed, how many persons and rows,
/// a SHA-256 over the erased internal numbers (sorted, one per line) and the ids of the destroyed person keys.
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
    IReadOnlyList<string> DestroyedKeyIds);
