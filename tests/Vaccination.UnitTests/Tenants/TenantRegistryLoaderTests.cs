using Microsoft.Extensions.Configuration;
using Vaccination.Domain.Identifiers;
using Vaccination.Infrastructure.Tenants;

namespace Vaccination.UnitTests.Tenants;

public class TenantRegistryLoaderTests
{
    [Fact]
    public void Load_ValidTenants_BuildsRegistry()
    {
        var registry = TenantRegistryLoader.Load(Configuration(("012041", "20"), ("011002", "5")));

        Assert.Equal(2, registry.All.Count);
        Assert.Equal(20, registry.Find(MunicipalityCode.Parse("012041"))!.RetentionYears);
        Assert.Null(registry.Find("131016"));
        Assert.Null(registry.Find("not-a-code"));
    }

    [Fact]
    public void Load_RetentionBelowLegalFloor_RefusesToStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TenantRegistryLoader.Load(Configuration(("012041", "4"))));

        Assert.Contains("legal minimum of 5 years", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidCheckDigit_RefusesToStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TenantRegistryLoader.Load(Configuration(("012042", "5"))));

        Assert.Contains("check digit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateTenant_RefusesToStart()
    {
        Assert.Throws<InvalidOperationException>(() => TenantRegistryLoader.Load(Configuration(("012041", "5"), ("012041", "6"))));
    }

    [Fact]
    public void Load_NoTenants_RefusesToStart()
    {
        Assert.Throws<InvalidOperationException>(() => TenantRegistryLoader.Load(new ConfigurationBuilder().Build()));
    }

    private static IConfiguration Configuration(params (string Code, string Years)[] tenants) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(tenants.SelectMany((t, i) => new[]
            {
                KeyValuePair.Create<string, string?>($"Tenants:{i}:Code", t.Code),
                KeyValuePair.Create<string, string?>($"Tenants:{i}:Name", "Town " + i),
                KeyValuePair.Create<string, string?>($"Tenants:{i}:RetentionYears", t.Years),
            }))
            .Build();
}
