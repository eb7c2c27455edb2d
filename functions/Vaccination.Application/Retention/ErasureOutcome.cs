namespace Vaccination.Application.Retention;

/// <summary>What an executed erasure removed, before it is signed into a <see cref="DeletionReport"/>.</summary>
public sealed record ErasureOutcome(int Persons, int Rows, IReadOnlyList<string> ErasedSubjectIds, IReadOnlyList<string> DestroyedKeyIds);
