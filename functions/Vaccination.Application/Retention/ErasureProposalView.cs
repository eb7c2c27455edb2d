namespace Vaccination.Application.Retention;

/// <summary>A proposal as its tenant's staff see it: counts and the internal numbers of the persons concerned.</summary>
public sealed record ErasureProposalView(ErasureProposal Proposal, IReadOnlyList<string> SubjectIds, bool SubjectIdsTruncated);
