using Vaccination.Domain.Identifiers;

namespace Vaccination.Domain.Tenants;

/// <summary>The municipalities served, fixed at start-up. Sweeps walk tenants from here; nothing walks storage across tenants.</summary>
public sealed class TenantRegistry
{
    private readonly Dictionary<MunicipalityCode, Tenant> _tenants;

    public TenantRegistry(IEnumerable<Tenant> tenants)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        _tenants = tenants.ToDictionary(t => t.Code);
    }

    public IReadOnlyCollection<Tenant> All => _tenants.Values;

    public Tenant? Find(MunicipalityCode code) => _tenants.GetValueOrDefault(code);

    public Tenant? Find(string? code) => MunicipalityCode.TryParse(code, out var parsed) ? Find(parsed) : null;
}
