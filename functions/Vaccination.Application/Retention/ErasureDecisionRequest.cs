namespace Vaccination.Application.Retention;

/// <summary>An administrator's decision on an erasure proposal.</summary>
public sealed record ErasureDecisionRequest(bool Approve, string? Reason);
