namespace Vaccination.Infrastructure.Tenants;

/// <summary>One configured municipality (configuration section "Tenants", an indexed list).</summary>
public sealed class TenantOptions
{
    public const string Section = "Tenants";

    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Prefecture { get; set; } = string.Empty;

    public int RetentionYears { get; set; } = 5;

    public bool KioskIssuance { get; set; }

    public bool AutoApproveErasure { get; set; }

    /// <summary>How many storage partitions spread the tenant's subjects; fixed once data exists.</summary>
    public int Partitions { get; set; } = 16;
}
