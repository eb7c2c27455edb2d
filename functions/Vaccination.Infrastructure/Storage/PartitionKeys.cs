using System.Globalization;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Infrastructure.Storage;

/// <summary>
/// The one place where partition keys are made. Every key starts with the tenant's municipality code, and a
/// large municipality is spread over <see cref="Tenant.Partitions"/> buckets (Azure serves about 2,000 entities/s
/// per partition; a batch stays inside one). The bucket count is fixed when a tenant is onboarded.
/// </summary>
public static class PartitionKeys
{
    public static string ForSubject(Tenant tenant, SubjectId subjectId)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return Bucket(tenant, (int)(Fnv1a(subjectId.Value) % (uint)tenant.Partitions));
    }

    /// <summary>Index rows are spread by the index value itself, which is already uniformly distributed.</summary>
    public static string ForIndex(Tenant tenant, string indexValue)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(indexValue);
        var prefix = int.Parse(indexValue.AsSpan(0, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return Bucket(tenant, prefix % tenant.Partitions);
    }

    /// <summary>All subject partitions of one tenant, for sweeps and exports that walk a tenant.</summary>
    public static IEnumerable<string> AllForTenant(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return Enumerable.Range(0, tenant.Partitions).Select(bucket => Bucket(tenant, bucket));
    }

    /// <summary>The single partition of a small per-tenant table (proposals, certificates, sweep checkpoints).</summary>
    public static string ForTenant(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.Code.Value;
    }

    /// <summary>Erasure proposal items live beside the subjects they name: one partition per subject partition and proposal.</summary>
    public static string ForProposalItems(string subjectPartition, string proposalId) => $"{subjectPartition}|{proposalId}";

    /// <summary>One day ("yyyyMMdd", Japan time) of a tenant's audit chain: its entries and that day's head row.</summary>
    public static string ForAuditDay(Tenant tenant, string day)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return $"{tenant.Code.Value}-{day}";
    }

    /// <summary>The partition of a tenant's audit chain pointer (its first and latest day).</summary>
    public static string ForAuditChain(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.Code.Value;
    }

    /// <summary>The partition of a tenant's staff grants (one row per granted actor; small).</summary>
    public static string ForStaffGrants(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.Code.Value;
    }

    /// <summary>The partition of a tenant's precomputed dose statistics (counts only, no personal data).</summary>
    public static string ForStatistics(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.Code.Value;
    }

    /// <summary>One computation ("generation") of a tenant's dose statistics: its cells, replaced as a whole by the next.</summary>
    public static string ForStatisticsGeneration(Tenant tenant, string generation) => $"{ForStatistics(tenant)}-g{generation}";

    /// <summary>The single partition holding a tenant's key records.</summary>
    public static string ForTenantKeys(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.Code.Value;
    }

    /// <summary>32-bit FNV-1a: stable across processes and versions, unlike string.GetHashCode.</summary>
    private static uint Fnv1a(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static string Bucket(Tenant tenant, int bucket) =>
        string.Create(CultureInfo.InvariantCulture, $"{tenant.Code.Value}-{bucket:D3}");
}
