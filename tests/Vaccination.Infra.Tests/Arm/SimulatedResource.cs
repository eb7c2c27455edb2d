namespace Vaccination.Infra.Tests.Arm;

/// <summary>A resource a simulated deployment would create, with every expression evaluated.</summary>
/// <param name="DeploymentPath">The chain of module deployments it sits in, e.g. "main/storage".</param>
/// <param name="Symbol">Its symbolic name in its template (with the loop index, if any).</param>
/// <param name="Type">The resource type, e.g. Microsoft.Storage/storageAccounts.</param>
/// <param name="Name">The evaluated name ("parent/child" for child resources).</param>
/// <param name="ResourceGroup">The resource group it deploys to, or null at subscription scope.</param>
/// <param name="Body">The evaluated resource declaration (properties, sku, kind, identity, scope, ...).</param>
internal sealed record SimulatedResource(
    string DeploymentPath,
    string Symbol,
    string Type,
    string Name,
    string? ResourceGroup,
    IReadOnlyDictionary<string, object?> Body)
{
    public Dictionary<string, object?> Properties =>
        Body.GetValueOrDefault("properties") as Dictionary<string, object?> ?? ArmValues.NewObject();

    /// <summary>The extension scope (diagnostic settings, role assignments), evaluated; null for ordinary resources.</summary>
    public object? Scope => Body.GetValueOrDefault("scope");

    /// <summary>The resource id Azure would give it (for non-extension resources).</summary>
    public string ResourceId
    {
        get
        {
            var typeSegments = Type.Split('/');
            var names = Name.Split('/');
            var path = typeSegments[0];
            for (var i = 1; i < typeSegments.Length; i++)
            {
                path += $"/{typeSegments[i]}/{(i - 1 < names.Length ? names[i - 1] : "?")}";
            }

            var prefix = ResourceGroup is null
                ? $"/subscriptions/{ArmEvaluator.SubscriptionId}"
                : $"/subscriptions/{ArmEvaluator.SubscriptionId}/resourceGroups/{ResourceGroup}";
            return $"{prefix}/providers/{path}";
        }
    }

    /// <summary>Reads a nested value by property names, e.g. Get("properties", "siteConfig", "appSettings").</summary>
    public object? Get(params string[] path)
    {
        object? current = Body;
        foreach (var step in path)
        {
            current = current is Dictionary<string, object?> obj ? obj.GetValueOrDefault(step) : null;
        }

        return current;
    }

    public override string ToString() => $"{Type} '{Name}' ({DeploymentPath})";
}
