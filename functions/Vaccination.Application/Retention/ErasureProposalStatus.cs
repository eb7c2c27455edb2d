namespace Vaccination.Application.Retention;

/// <summary>Where an erasure proposal stands: proposed by a sweep, decided by the tenant's administrator, executed.</summary>
public enum ErasureProposalStatus
{
    Pending,
    Approved,
    Rejected,
    Executed,
}
