using Vaccination.Infra.Tests.Arm;
using Vaccination.Infra.Tests.Bicep;

namespace Vaccination.Infra.Tests;

/// <summary>The app's identity holds exactly the data-plane roles it uses, each on the narrowest scope that works.</summary>
[Collection(CompiledInfrastructureDefinition.Name)]
public sealed class RoleAssignmentTests(CompiledInfrastructure infrastructure)
{
    /// <summary>Role, the type of scope it is granted on, and how many assignments (one per key or queue).</summary>
    private static readonly (string Role, string ScopeType, int Count)[] ExpectedAppRoles =
    [
        (BuiltInRoles.StorageTableDataContributor, Deployments.StorageAccount, 1),
        (BuiltInRoles.StorageQueueDataContributor, Deployments.StorageAccount, 1),
        (BuiltInRoles.StorageBlobDataOwner, Deployments.StorageAccount, 1),
        (BuiltInRoles.KeyVaultCryptoUser, "Microsoft.KeyVault/vaults/keys", 2),
        (BuiltInRoles.ServiceBusDataSender, "Microsoft.ServiceBus/namespaces/queues", 1),
        (BuiltInRoles.ServiceBusDataReceiver, "Microsoft.ServiceBus/namespaces/queues", 1),
        (BuiltInRoles.MonitoringMetricsPublisher, "Microsoft.Insights/components", 1),
    ];

    public static TheoryData<string> ParameterFiles => ParameterFileTheory.Names();

    public static TheoryData<string> BroadRoles => new()
    {
        BuiltInRoles.Owner,
        BuiltInRoles.Contributor,
        BuiltInRoles.UserAccessAdministrator,
        BuiltInRoles.StorageAccountContributor,
        BuiltInRoles.KeyVaultAdministrator,
        BuiltInRoles.KeyVaultCryptoOfficer,
        BuiltInRoles.ServiceBusDataOwner,
    };

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void RoleAssignments_AppIdentity_AreExactlyTheDataPlaneRolesOnTheirScopes(string parameterFile)
    {
        var deployment = infrastructure.Simulate(parameterFile);

        var granted = AppAssignments(deployment)
            .GroupBy(a => (Role: Deployments.LastSegment(a.Properties["roleDefinitionId"]), ScopeType: Deployments.ResourceTypeOf((string)a.Scope!)))
            .Select(g => (g.Key.Role, g.Key.ScopeType, Count: g.Count()))
            .OrderBy(g => g.Role, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(ExpectedAppRoles.OrderBy(e => e.Role, StringComparer.Ordinal), granted);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void RoleAssignments_Scopes_AreResourcesThisDeploymentCreates(string parameterFile)
    {
        var deployment = infrastructure.Simulate(parameterFile);
        var created = deployment.Resources.Select(r => r.ResourceId).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.All(AppAssignments(deployment), assignment => Assert.Contains((string)assignment.Scope!, created));
    }

    [Theory]
    [MemberData(nameof(BroadRoles))]
    public void RoleAssignments_AppIdentity_NeverHoldsBroadRole(string role)
    {
        foreach (var parameterFile in infrastructure.ParameterFileNames)
        {
            Assert.DoesNotContain(
                AppAssignments(infrastructure.Simulate(parameterFile)),
                a => string.Equals(Deployments.LastSegment(a.Properties["roleDefinitionId"]), role, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void RoleAssignments_Every_IsForAServicePrincipalWithADescription(string parameterFile)
    {
        var assignments = infrastructure.Simulate(parameterFile).OfType(Deployments.RoleAssignment).ToList();

        Assert.NotEmpty(assignments);
        Assert.All(assignments, a =>
        {
            Assert.Equal("ServicePrincipal", a.Properties["principalType"]);
            Assert.False(string.IsNullOrWhiteSpace(a.Properties["description"] as string), $"{a} has no description.");
        });
    }

    [Fact]
    public void RoleAssignments_Names_AreGuidsOfScopePrincipalAndRole()
    {
        var names = infrastructure.AllTemplates()
            .SelectMany(t => CompiledInfrastructure.Resources(t.Template))
            .Where(r => string.Equals(r["type"]!.GetValue<string>(), Deployments.RoleAssignment, StringComparison.OrdinalIgnoreCase))
            .Select(r => r["name"]!.GetValue<string>())
            .ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name =>
        {
            Assert.StartsWith("[guid(resourceId(", name, StringComparison.Ordinal);
            Assert.Contains(".principalId", name, StringComparison.Ordinal);
            Assert.Contains("subscriptionResourceId('Microsoft.Authorization/roleDefinitions'", name, StringComparison.Ordinal);
        });
    }

    private static List<SimulatedResource> AppAssignments(SimulatedDeployment deployment) =>
        deployment.OfType(Deployments.RoleAssignment)
            .Where(a => Deployments.IsAppIdentity(a.Properties["principalId"], "principalId"))
            .ToList();
}
