using Vaccination.Infra.Tests.Arm;

namespace Vaccination.Infra.Tests;

/// <summary>Reads the facts the tests check out of a simulated deployment.</summary>
internal static class Deployments
{
    public const string StorageAccount = "Microsoft.Storage/storageAccounts";
    public const string KeyVault = "Microsoft.KeyVault/vaults";
    public const string ServiceBusNamespace = "Microsoft.ServiceBus/namespaces";
    public const string Site = "Microsoft.Web/sites";
    public const string RoleAssignment = "Microsoft.Authorization/roleAssignments";
    public const string DiagnosticSetting = "Microsoft.Insights/diagnosticSettings";
    public const string PrivateEndpoint = "Microsoft.Network/privateEndpoints";
    public const string UserAssignedIdentity = "Microsoft.ManagedIdentity/userAssignedIdentities";

    /// <summary>The data services the application reaches (S3: never public in production).</summary>
    public static readonly string[] DataServiceTypes = [StorageAccount, KeyVault, ServiceBusNamespace];

    /// <summary>The Function App's app settings by name (names are unique in Azure, compared case-insensitively).</summary>
    public static Dictionary<string, object?> AppSettings(SimulatedDeployment deployment)
    {
        var site = deployment.Single(Site);
        var settings = site.Get("properties", "siteConfig", "appSettings") as List<object?>
            ?? throw new InvalidOperationException("The Function App has no siteConfig.appSettings array.");
        var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in settings.Cast<Dictionary<string, object?>>())
        {
            var name = (string)setting["name"]!;
            Assert.False(result.ContainsKey(name), $"App setting {name} is defined twice.");
            result[name] = setting.GetValueOrDefault("value");
        }

        return result;
    }

    /// <summary>The last segment of an id (a role definition GUID, a resource name).</summary>
    public static string LastSegment(object? id) => id is string s ? s[(s.LastIndexOf('/') + 1)..] : $"{id}";

    /// <summary>The resource type an id points at, e.g. Microsoft.KeyVault/vaults/keys.</summary>
    public static string ResourceTypeOf(string resourceId)
    {
        var providerPath = resourceId[(resourceId.LastIndexOf("/providers/", StringComparison.OrdinalIgnoreCase) + "/providers/".Length)..];
        var segments = providerPath.Split('/');
        var type = $"{segments[0]}/{segments[1]}";
        for (var i = 3; i < segments.Length; i += 2)
        {
            type += "/" + segments[i];
        }

        return type;
    }

    /// <summary>Whether a value came from the Function App identity's given output, e.g. principalId or clientId.</summary>
    public static bool IsAppIdentity(object? value, string property) =>
        value is ArmUnknown unknown
        && unknown.Origin.Contains(UserAssignedIdentity, StringComparison.OrdinalIgnoreCase)
        && unknown.Origin.EndsWith("." + property, StringComparison.OrdinalIgnoreCase);
}
