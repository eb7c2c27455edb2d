using Vaccination.Infra.Tests.Arm;
using Vaccination.Infra.Tests.Bicep;
using Vaccination.Infrastructure.Configuration;
using Vaccination.Infrastructure.Tenants;

namespace Vaccination.Infra.Tests;

/// <summary>The app settings the Bicep defines cover what the application reads, and point at what was deployed.</summary>
[Collection(CompiledInfrastructureDefinition.Name)]
public sealed class AppSettingTests(CompiledInfrastructure infrastructure)
{
    /// <summary>The fields of a configured tenant (Tenants__i__Field), as the application binds them.</summary>
    private static readonly string[] TenantFields = ["Code", "Name", "Prefecture", "RetentionYears", "KioskIssuance", "Partitions"];

    public static TheoryData<string> ParameterFiles => ParameterFileTheory.Names();

    public static TheoryData<string, string> RequiredSettingsByParameterFile()
    {
        var data = new TheoryData<string, string>();
        foreach (var parameterFile in ParameterFileTheory.NameList())
        {
            foreach (var setting in AppSettingNames.RequiredInAzure)
            {
                data.Add(parameterFile, setting);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RequiredSettingsByParameterFile))]
    public void AppSettings_RequiredInAzure_IsDefined(string parameterFile, string setting)
    {
        var settings = Deployments.AppSettings(infrastructure.Simulate(parameterFile));

        Assert.True(settings.TryGetValue(setting, out var value), $"{parameterFile}: the Function App does not define {setting}.");
        Assert.False(value is null || (value is string s && s.Length == 0), $"{parameterFile}: {setting} is empty.");
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void AppSettings_Tenants_AreIndexedSettingsWithTheParameterValues(string parameterFile)
    {
        var tenants = ((List<object?>)infrastructure.Parameters(parameterFile)["tenants"]!).Cast<Dictionary<string, object?>>().ToList();
        var settings = Deployments.AppSettings(infrastructure.Simulate(parameterFile));

        Assert.NotEmpty(tenants);
        for (var i = 0; i < tenants.Count; i++)
        {
            foreach (var field in TenantFields)
            {
                var expected = tenants[i][field] switch
                {
                    bool flag => flag ? "true" : "false",
                    var other => ArmValues.ToArmString(other),
                };
                Assert.Equal(expected, settings.GetValueOrDefault($"{AppSettingNames.TenantsPrefix}{i}__{field}"));
            }
        }

        var tenantSettings = settings.Keys.Where(k => k.StartsWith(AppSettingNames.TenantsPrefix, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(tenants.Count * TenantFields.Length, tenantSettings.Count());
    }

    [Fact]
    public void AppSettings_TenantFields_AreTenantOptionsProperties()
    {
        var bindable = typeof(TenantOptions).GetProperties()
            .Where(p => p.CanWrite)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var emitted = Deployments.AppSettings(infrastructure.Simulate(ParameterFileTheory.Development)).Keys
            .Where(k => k.StartsWith(AppSettingNames.TenantsPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(k => k.Split("__")[^1])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        Assert.NotEmpty(emitted);
        Assert.All(emitted, field => Assert.True(bindable.Contains(field), $"Tenants__i__{field} binds to no TenantOptions property."));
        Assert.Equal(TenantOptions.Section + "__", AppSettingNames.TenantsPrefix);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void Tenants_ParameterFile_HaveValidUniqueCodesAndLegalRetention(string parameterFile)
    {
        var tenants = ((List<object?>)infrastructure.Parameters(parameterFile)["tenants"]!).Cast<Dictionary<string, object?>>().ToList();

        Assert.All(tenants, tenant =>
        {
            var code = (string)tenant["code"]!;
            Assert.True(HasValidCheckDigit(code), $"{parameterFile}: municipality code {code} has a wrong check digit.");
            Assert.True((long)tenant["retentionYears"]! >= 5, $"{parameterFile}: {code} keeps records under the legal five years.");
        });
        Assert.Equal(tenants.Count, tenants.Select(t => t["code"]).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void AppSettings_Endpoints_PointAtTheDeployedServices(string parameterFile)
    {
        var settings = Deployments.AppSettings(infrastructure.Simulate(parameterFile));

        AssertOrigin(settings, AppSettingNames.StorageTableServiceUri, "Microsoft.Storage/storageAccounts 'storageAccount').primaryEndpoints.table");
        AssertOrigin(settings, AppSettingNames.StorageQueueServiceUri, "Microsoft.Storage/storageAccounts 'storageAccount').primaryEndpoints.queue");
        AssertOrigin(settings, AppSettingNames.HostStorageTableServiceUri, "Microsoft.Storage/storageAccounts 'storageAccount').primaryEndpoints.table");
        AssertOrigin(settings, AppSettingNames.HostStorageQueueServiceUri, "Microsoft.Storage/storageAccounts 'storageAccount').primaryEndpoints.queue");
        AssertOrigin(settings, AppSettingNames.HostStorageBlobServiceUri, "Microsoft.Storage/storageAccounts 'storageAccount').primaryEndpoints.blob");
        AssertOrigin(settings, AppSettingNames.KeyVaultUri, "Microsoft.KeyVault/vaults 'vault').vaultUri");
        AssertOrigin(settings, AppSettingNames.ServiceBusNamespace, "Microsoft.ServiceBus/namespaces 'namespace').serviceBusEndpoint");
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void AppSettings_Names_MatchTheDeployedKeysAndQueues(string parameterFile)
    {
        var deployment = infrastructure.Simulate(parameterFile);
        var settings = Deployments.AppSettings(deployment);
        var keys = deployment.OfType("Microsoft.KeyVault/vaults/keys").Select(k => Deployments.LastSegment(k.Name)).ToList();
        var storageQueues = deployment.OfType("Microsoft.Storage/storageAccounts/queueServices/queues").Select(q => Deployments.LastSegment(q.Name)).ToList();
        var serviceBusQueues = deployment.OfType("Microsoft.ServiceBus/namespaces/queues").Select(q => Deployments.LastSegment(q.Name)).ToList();

        Assert.Equal("KeyVault", settings[AppSettingNames.KeysProvider]);
        Assert.Contains((string)settings[AppSettingNames.KeyEncryptionKeyName]!, keys);
        Assert.Contains((string)settings[AppSettingNames.SigningKeyName]!, keys);
        Assert.Equal("ServiceBus", settings[AppSettingNames.ExchangeTransport]);
        Assert.Contains((string)settings[AppSettingNames.ExchangeQueueName]!, serviceBusQueues);
        foreach (var queueSetting in new[] { AppSettingNames.RetentionQueueName, AppSettingNames.IngestionQueueName })
        {
            var queue = (string)settings[queueSetting]!;
            Assert.Contains(queue, storageQueues);
            Assert.Contains(queue + "-poison", storageQueues);
        }
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void AppSettings_Authentication_IsEntraIdV2OfTheTenant(string parameterFile)
    {
        var settings = Deployments.AppSettings(infrastructure.Simulate(parameterFile));
        var expected = $"https://login.microsoftonline.com/{ArmEvaluator.TenantId}/v2.0";

        Assert.Equal(expected, settings[AppSettingNames.AuthAuthority]);
        Assert.Equal(expected, settings[AppSettingNames.AuthIssuer]);
        Assert.StartsWith("api://", (string)settings[AppSettingNames.AuthAudience]!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void AppSettings_RetentionSweepSchedule_IsSixFieldNcrontab(string parameterFile)
    {
        var settings = Deployments.AppSettings(infrastructure.Simulate(parameterFile));

        var fields = ((string)settings[AppSettingNames.RetentionSweepSchedule]!).Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(6, fields.Length);
    }

    private static void AssertOrigin(Dictionary<string, object?> settings, string name, string expectedOriginPart)
    {
        var value = Assert.IsType<ArmUnknown>(settings[name]);
        Assert.Contains(expectedOriginPart, value.Origin, StringComparison.Ordinal);
    }

    /// <summary>全国地方公共団体コード: digits 1-5 weighted 6,5,4,3,2; check digit = (11 - sum mod 11) mod 10.</summary>
    private static bool HasValidCheckDigit(string code)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        int[] weights = [6, 5, 4, 3, 2];
        var sum = weights.Select((weight, i) => weight * (code[i] - '0')).Sum();
        return code[5] - '0' == (11 - (sum % 11)) % 10;
    }
}
