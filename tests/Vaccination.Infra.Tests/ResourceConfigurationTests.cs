using Vaccination.Infra.Tests.Arm;
using Vaccination.Infra.Tests.Bicep;

namespace Vaccination.Infra.Tests;

/// <summary>The security and reliability settings issue 8 asks of each resource, in every parameter file.</summary>
[Collection(CompiledInfrastructureDefinition.Name)]
public sealed class ResourceConfigurationTests(CompiledInfrastructure infrastructure)
{
    /// <summary>Resource types that support diagnostic settings; every one deployed must send to the workspace.</summary>
    private static readonly string[] DiagnosableTypes =
    [
        "Microsoft.OperationalInsights/workspaces",
        "Microsoft.Insights/components",
        Deployments.StorageAccount,
        "Microsoft.Storage/storageAccounts/blobServices",
        "Microsoft.Storage/storageAccounts/queueServices",
        "Microsoft.Storage/storageAccounts/tableServices",
        Deployments.KeyVault,
        Deployments.ServiceBusNamespace,
        "Microsoft.Web/serverfarms",
        Deployments.Site,
        "Microsoft.Network/virtualNetworks",
        "Microsoft.Network/networkSecurityGroups",
    ];

    public static TheoryData<string> ParameterFiles => ParameterFileTheory.Names();

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void Storage_Account_AllowsOnlyEntraIdOverTls12WithoutPublicBlobs(string parameterFile)
    {
        var storage = infrastructure.Simulate(parameterFile).Single(Deployments.StorageAccount).Properties;

        Assert.Equal(false, storage["allowSharedKeyAccess"]);
        Assert.Equal("TLS1_2", storage["minimumTlsVersion"]);
        Assert.Equal(false, storage["allowBlobPublicAccess"]);
        Assert.Equal(true, storage["supportsHttpsTrafficOnly"]);
        Assert.Equal(true, storage["defaultToOAuthAuthentication"]);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void Storage_Queues_AreTheApplicationQueuesAndTheirPoisonQueues(string parameterFile)
    {
        var queues = infrastructure.Simulate(parameterFile)
            .OfType("Microsoft.Storage/storageAccounts/queueServices/queues")
            .Select(q => Deployments.LastSegment(q.Name))
            .Order(StringComparer.Ordinal);

        Assert.Equal(["exchange", "exchange-poison", "ingestion-events", "ingestion-events-poison", "retention-sweep", "retention-sweep-poison"], queues);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void KeyVault_Vault_UsesRbacSoftDeleteAndPurgeProtection(string parameterFile)
    {
        var vault = infrastructure.Simulate(parameterFile).Single(Deployments.KeyVault).Properties;

        Assert.Equal(true, vault["enableRbacAuthorization"]);
        Assert.Equal(true, vault["enableSoftDelete"]);
        Assert.Equal(true, vault["enablePurgeProtection"]);
        Assert.Equal(false, vault["enabledForTemplateDeployment"]);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void KeyVault_KeyEncryptionKey_IsRsaForWrapAndUnwrapWithRotation(string parameterFile)
    {
        var key = KeyNamedBy(parameterFile, "keyEncryptionKeyName");

        Assert.Contains(key["kty"], new object[] { "RSA", "RSA-HSM" });
        Assert.True((long)key["keySize"]! >= 3072, "RSA keys are at least 3072 bits.");
        Assert.Equal(["unwrapKey", "wrapKey"], ((List<object?>)key["keyOps"]!).Cast<string>().Order(StringComparer.Ordinal));
        AssertRotates(key);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void KeyVault_SigningKey_IsEcP256ForSigningWithRotation(string parameterFile)
    {
        var key = KeyNamedBy(parameterFile, "signingKeyName");

        Assert.Contains(key["kty"], new object[] { "EC", "EC-HSM" });
        Assert.Equal("P-256", key["curveName"]);
        Assert.Equal(["sign", "verify"], ((List<object?>)key["keyOps"]!).Cast<string>().Order(StringComparer.Ordinal));
        AssertRotates(key);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void ServiceBus_Namespace_AcceptsOnlyEntraIdOverTls12(string parameterFile)
    {
        var serviceBus = infrastructure.Simulate(parameterFile).Single(Deployments.ServiceBusNamespace).Properties;

        Assert.Equal(true, serviceBus["disableLocalAuth"]);
        Assert.Equal("1.2", serviceBus["minimumTlsVersion"]);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void ServiceBus_Queues_DetectDuplicatesAndDeadLetterExpiredAfterFiveDeliveries(string parameterFile)
    {
        var queues = infrastructure.Simulate(parameterFile).OfType("Microsoft.ServiceBus/namespaces/queues").ToList();

        Assert.Contains(queues, q => Deployments.LastSegment(q.Name) == "exchange");
        Assert.All(queues, q =>
        {
            Assert.Equal(true, q.Properties["requiresDuplicateDetection"]);
            Assert.Equal(true, q.Properties["deadLetteringOnMessageExpiration"]);
            Assert.Equal(5L, q.Properties["maxDeliveryCount"]);
            Assert.Equal(false, q.Properties["requiresSession"]);
        });
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void ApplicationInsights_Component_IsWorkspaceBasedWithoutLocalAuth(string parameterFile)
    {
        var deployment = infrastructure.Simulate(parameterFile);
        var workspace = deployment.Single("Microsoft.OperationalInsights/workspaces");
        var component = deployment.Single("Microsoft.Insights/components").Properties;

        Assert.Equal(true, component["DisableLocalAuth"]);
        Assert.Equal(workspace.ResourceId, component["WorkspaceResourceId"]);
        Assert.Equal(true, workspace.Get("properties", "features", "disableLocalAuth"));
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void FunctionApp_Plan_IsLinuxFlexConsumption(string parameterFile)
    {
        var plan = infrastructure.Simulate(parameterFile).Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.Get("sku", "name"));
        Assert.Equal("FlexConsumption", plan.Get("sku", "tier"));
        Assert.Equal(true, plan.Get("properties", "reserved"));
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void FunctionApp_Site_RunsDotnet10IsolatedWithAWarmInstance(string parameterFile)
    {
        var site = infrastructure.Simulate(parameterFile).Single(Deployments.Site);

        Assert.Equal("functionapp,linux", site.Body["kind"]);
        Assert.Equal("dotnet-isolated", site.Get("properties", "functionAppConfig", "runtime", "name"));
        Assert.Equal("10.0", site.Get("properties", "functionAppConfig", "runtime", "version"));
        var alwaysReady = (List<object?>)site.Get("properties", "functionAppConfig", "scaleAndConcurrency", "alwaysReady")!;
        Assert.True(alwaysReady.Cast<Dictionary<string, object?>>().Sum(a => (long)a["instanceCount"]!) >= 1, "No instance is kept warm for the hosted Service Bus consumer.");
        Assert.Equal(true, site.Get("properties", "httpsOnly"));
        Assert.Equal("1.2", site.Get("properties", "siteConfig", "minTlsVersion"));
        Assert.Equal("Disabled", site.Get("properties", "siteConfig", "ftpsState"));
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void FunctionApp_Site_RunsAndDeploysAsTheUserAssignedIdentity(string parameterFile)
    {
        var deployment = infrastructure.Simulate(parameterFile);
        var site = deployment.Single(Deployments.Site);
        var identity = deployment.Single(Deployments.UserAssignedIdentity);

        Assert.Equal("UserAssigned", site.Get("identity", "type"));
        var attached = Assert.Single(((Dictionary<string, object?>)site.Get("identity", "userAssignedIdentities")!).Keys);
        Assert.Equal(identity.ResourceId, attached, ignoreCase: true);
        Assert.Equal("UserAssignedIdentity", site.Get("properties", "functionAppConfig", "deployment", "storage", "authentication", "type"));
        Assert.Equal(identity.ResourceId, (string?)site.Get("properties", "functionAppConfig", "deployment", "storage", "authentication", "userAssignedIdentityResourceId"), ignoreCase: true);
        var basicAuth = deployment.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, basicAuth.Count);
        Assert.All(basicAuth, policy => Assert.Equal(false, policy.Get("properties", "allow")));
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void DiagnosticSettings_EveryDiagnosableResource_SendsToTheOneWorkspace(string parameterFile)
    {
        var deployment = infrastructure.Simulate(parameterFile);
        var workspace = deployment.Single("Microsoft.OperationalInsights/workspaces");
        var settings = deployment.OfType(Deployments.DiagnosticSetting).ToList();
        var diagnosable = deployment.Resources
            .Where(r => DiagnosableTypes.Contains(r.Type, StringComparer.OrdinalIgnoreCase))
            .ToList();

        Assert.True(diagnosable.Count >= 10, $"Only {diagnosable.Count} diagnosable resources found.");
        Assert.All(diagnosable, resource => Assert.True(
            settings.Exists(s => string.Equals(s.Scope as string, resource.ResourceId, StringComparison.OrdinalIgnoreCase)),
            $"{resource} has no diagnostic setting."));
        Assert.All(settings, s =>
        {
            Assert.Equal(workspace.ResourceId, s.Properties["workspaceId"] as string, ignoreCase: true);
            Assert.True(s.Properties.ContainsKey("logs") || s.Properties.ContainsKey("metrics"), $"{s} sends nothing.");
        });
    }

    private Dictionary<string, object?> KeyNamedBy(string parameterFile, string nameParameter)
    {
        var deployment = infrastructure.Simulate(parameterFile);
        var name = (string)(infrastructure.Parameters(parameterFile).GetValueOrDefault(nameParameter)
            ?? ArmValues.FromJson(infrastructure.Template["parameters"]![nameParameter]!["defaultValue"]))!;
        return Assert.Single(deployment.OfType("Microsoft.KeyVault/vaults/keys"), k => Deployments.LastSegment(k.Name) == name).Properties;
    }

    private static void AssertRotates(Dictionary<string, object?> key)
    {
        var policy = (Dictionary<string, object?>)key["rotationPolicy"]!;
        var actions = ((List<object?>)policy["lifetimeActions"]!).Cast<Dictionary<string, object?>>();
        Assert.Contains(actions, a => string.Equals((string?)((Dictionary<string, object?>)a["action"]!)["type"], "rotate", StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(((Dictionary<string, object?>)policy["attributes"]!)["expiryTime"]);
    }
}
