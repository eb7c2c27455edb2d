namespace Vaccination.IntegrationTests.Access;

/// <summary>
/// Whether the caller belongs to the municipality the request names (012041, Asahikawa, Hokkaido): "own" tokens name
/// 012041 (or, for a prefecture, Hokkaido); "other" tokens name 011002 (or Tokyo). National tokens are the same in both.
/// </summary>
public enum TenantRelation
{
    Own,
    Other,
}
