using Vaccination.Domain.Identifiers;

namespace Vaccination.Domain.Tenants;

/// <summary>A municipality this system serves. Its code is the tenant key; every storage key starts from it.</summary>
public sealed record Tenant(
    MunicipalityCode Code,
    string Name,
    string Prefecture,
    int RetentionYears,
    bool KioskIssuance,
    int Partitions)
{
    /// <summary>Immunization Act enforcement order art. 6-2: records are kept at least five years (S16).</summary>
    public const int LegalMinimumRetentionYears = 5;

    /// <summary>Erasure proposals of this tenant are approved without a staff decision (tenant configuration).</summary>
    public bool AutoApproveErasure { get; init; }

    public override string ToString() => Code.Value;
}
