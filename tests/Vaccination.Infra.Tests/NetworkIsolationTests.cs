using Vaccination.Infra.Tests.Arm;
using Vaccination.Infra.Tests.Bicep;

namespace Vaccination.Infra.Tests;

/// <summary>S3: in production the data services are reachable only through private endpoints in the app's network.</summary>
[Collection(CompiledInfrastructureDefinition.Name)]
public sealed class NetworkIsolationTests(CompiledInfrastructure infrastructure)
{
    /// <summary>Each private endpoint group, the type of resource it must reach, and its private DNS zone.</summary>
    public static TheoryData<string, string, string> PrivateEndpointGroups => new()
    {
        { "blob", Deployments.StorageAccount, "privatelink.blob.core.windows.net" },
        { "queue", Deployments.StorageAccount, "privatelink.queue.core.windows.net" },
        { "table", Deployments.StorageAccount, "privatelink.table.core.windows.net" },
        { "vault", Deployments.KeyVault, "privatelink.vaultcore.azure.net" },
        { "namespace", Deployments.ServiceBusNamespace, "privatelink.servicebus.windows.net" },
    };

    [Fact]
    public void PublicNetworkAccess_ProdDataServices_IsDisabled()
    {
        var deployment = infrastructure.Simulate(ParameterFileTheory.Production);

        foreach (var type in Deployments.DataServiceTypes)
        {
            var services = deployment.OfType(type).ToList();
            Assert.True(services.Count > 0, $"prod deploys no {type}.");
            Assert.All(services, service => Assert.Equal("Disabled", service.Properties.GetValueOrDefault("publicNetworkAccess")));
        }
    }

    [Theory]
    [InlineData(Deployments.StorageAccount)]
    [InlineData(Deployments.KeyVault)]
    public void NetworkAcls_ProdDataService_DenyByDefault(string type)
    {
        var service = infrastructure.Simulate(ParameterFileTheory.Production).Single(type);

        Assert.Equal("Deny", service.Get("properties", "networkAcls", "defaultAction"));
    }

    [Fact]
    public void ServiceBus_Prod_IsPremiumBecausePrivateEndpointsNeedIt()
    {
        var serviceBus = infrastructure.Simulate(ParameterFileTheory.Production).Single(Deployments.ServiceBusNamespace);

        Assert.Equal("Premium", serviceBus.Get("sku", "name"));
    }

    [Theory]
    [MemberData(nameof(PrivateEndpointGroups))]
    public void PrivateEndpoint_ProdGroup_ReachesItsServiceAndRegistersInItsZone(string groupId, string targetType, string zoneName)
    {
        var deployment = infrastructure.Simulate(ParameterFileTheory.Production);

        var endpoint = Assert.Single(deployment.OfType(Deployments.PrivateEndpoint), e => GroupIds(e).Contains(groupId));
        var connection = Assert.Single((List<object?>)endpoint.Get("properties", "privateLinkServiceConnections")!);
        var target = (string)((Dictionary<string, object?>)((Dictionary<string, object?>)connection!)["properties"]!)["privateLinkServiceId"]!;
        Assert.Contains(deployment.OfType(targetType), service => string.Equals(service.ResourceId, target, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Microsoft.Network/virtualNetworks/subnets", Deployments.ResourceTypeOf((string)endpoint.Get("properties", "subnet", "id")!));

        var zoneGroup = Assert.Single(
            deployment.OfType("Microsoft.Network/privateEndpoints/privateDnsZoneGroups"),
            g => g.Name.StartsWith(endpoint.Name + "/", StringComparison.OrdinalIgnoreCase));
        var zoneConfig = Assert.Single((List<object?>)zoneGroup.Get("properties", "privateDnsZoneConfigs")!);
        var zoneId = (string)((Dictionary<string, object?>)((Dictionary<string, object?>)zoneConfig!)["properties"]!)["privateDnsZoneId"]!;
        var zone = Assert.Single(deployment.OfType("Microsoft.Network/privateDnsZones"), z => string.Equals(z.ResourceId, zoneId, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(zoneName, zone.Name);

        var virtualNetwork = deployment.Single("Microsoft.Network/virtualNetworks");
        Assert.Contains(
            deployment.OfType("Microsoft.Network/privateDnsZones/virtualNetworkLinks"),
            link => link.Name.StartsWith(zone.Name + "/", StringComparison.OrdinalIgnoreCase)
                && string.Equals((string?)link.Get("properties", "virtualNetwork", "id"), virtualNetwork.ResourceId, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void FunctionApp_Prod_IsIntegratedWithTheDelegatedSubnet()
    {
        var deployment = infrastructure.Simulate(ParameterFileTheory.Production);
        var site = deployment.Single(Deployments.Site);
        var virtualNetwork = deployment.Single("Microsoft.Network/virtualNetworks");

        var subnetId = Assert.IsType<string>(site.Get("properties", "virtualNetworkSubnetId"));

        var subnets = ((List<object?>)virtualNetwork.Get("properties", "subnets")!).Cast<Dictionary<string, object?>>();
        var subnet = Assert.Single(subnets, s => string.Equals($"{virtualNetwork.ResourceId}/subnets/{s["name"]}", subnetId, StringComparison.OrdinalIgnoreCase));
        var delegations = (List<object?>)((Dictionary<string, object?>)subnet["properties"]!)["delegations"]!;
        Assert.Contains(delegations.Cast<Dictionary<string, object?>>(), d => Equals(((Dictionary<string, object?>)d["properties"]!)["serviceName"], "Microsoft.App/environments"));
    }

    [Fact]
    public void PublicNetworkAccess_Dev_IsEnabledWithoutPrivateEndpoints()
    {
        var deployment = infrastructure.Simulate(ParameterFileTheory.Development);

        Assert.All(
            Deployments.DataServiceTypes.SelectMany(deployment.OfType),
            service => Assert.Equal("Enabled", service.Properties.GetValueOrDefault("publicNetworkAccess")));
        Assert.Empty(deployment.OfType(Deployments.PrivateEndpoint));
        Assert.Null(deployment.Single(Deployments.Site).Get("properties", "virtualNetworkSubnetId"));
    }

    private static List<string> GroupIds(SimulatedResource endpoint) =>
        ((List<object?>)endpoint.Get("properties", "privateLinkServiceConnections")!)
            .Cast<Dictionary<string, object?>>()
            .SelectMany(c => (List<object?>)((Dictionary<string, object?>)c["properties"]!)["groupIds"]!)
            .Cast<string>()
            .ToList();
}
