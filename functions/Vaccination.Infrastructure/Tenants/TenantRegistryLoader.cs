using Microsoft.Extensions.Configuration;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Infrastructure.Tenants;

/// <summary>Builds the tenant registry from configuration and refuses to start on any invalid entry.</summary>
public static class TenantRegistryLoader
{
    public static TenantRegistry Load(IConfiguration configuration)
    {
        var options = configuration.GetSection(TenantOptions.Section).Get<List<TenantOptions>>() ?? [];
        if (options.Count == 0)
        {
            throw new InvalidOperationException("No tenants are configured (section 'Tenants').");
        }

        var tenants = options.Select(ToTenant).ToList();
        var duplicate = tenants.GroupBy(t => t.Code).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? new TenantRegistry(tenants)
            : throw new InvalidOperationException($"Tenant {duplicate.Key} is configured twice.");
    }

    private static Tenant ToTenant(TenantOptions option)
    {
        var code = MunicipalityCode.TryCreate(option.Code);
        if (!code.IsSuccess)
        {
            throw new InvalidOperationException($"Tenant code '{option.Code}': {code.Errors[0].Message}");
        }

        if (option.RetentionYears < Tenant.LegalMinimumRetentionYears)
        {
            throw new InvalidOperationException(
                $"Tenant {option.Code}: retention of {option.RetentionYears} years is below the legal minimum of {Tenant.LegalMinimumRetentionYears} years.");
        }

        if (option.Partitions is < 1 or > 999 || string.IsNullOrWhiteSpace(option.Name))
        {
            throw new InvalidOperationException($"Tenant {option.Code}: a name and 1-999 partitions are required.");
        }

        return new Tenant(code.Value, option.Name, option.Prefecture, option.RetentionYears, option.KioskIssuance, option.Partitions)
        {
            AutoApproveErasure = option.AutoApproveErasure,
        };
    }
}
