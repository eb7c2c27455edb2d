using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Vaccination.Infra.Tests.Functions;

/// <summary>
/// Reads the app settings a functions.metadata file (written by the isolated worker SDK at build time) requires:
/// every %Name% in a binding, every binding connection (empty or absent on a Storage binding means
/// AzureWebJobsStorage), and AzureWebJobsStorage for the host itself.
/// </summary>
internal static partial class FunctionsMetadataReader
{
    public const string HostStorageConnection = "AzureWebJobsStorage";

    /// <summary>Binding types that use the host storage account when they name no connection.</summary>
    private static readonly HashSet<string> StorageBindingTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "queueTrigger", "queue", "blobTrigger", "blob", "table",
    };

    public static IReadOnlyList<SettingRequirement> Read(JsonArray metadata)
    {
        var requirements = new List<SettingRequirement>
        {
            new("(host)", "(host storage)", HostStorageConnection, IsConnection: true),
        };

        foreach (var function in metadata.OfType<JsonObject>())
        {
            var functionName = function["name"]?.GetValue<string>() ?? "(unnamed)";
            foreach (var binding in (function["bindings"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var bindingName = $"{binding["type"]?.GetValue<string>()} {binding["name"]?.GetValue<string>()}".Trim();
                foreach (var reference in SettingReferences(binding))
                {
                    requirements.Add(new SettingRequirement(functionName, bindingName, reference, IsConnection: false));
                }

                var connection = Connection(binding);
                if (connection is not null)
                {
                    requirements.Add(new SettingRequirement(functionName, bindingName, connection, IsConnection: true));
                }
            }
        }

        return requirements.Distinct().ToList();
    }

    private static string? Connection(JsonObject binding)
    {
        var property = binding.FirstOrDefault(p => string.Equals(p.Key, "connection", StringComparison.OrdinalIgnoreCase));
        var type = binding["type"]?.GetValue<string>() ?? string.Empty;
        if (property.Key is null)
        {
            return StorageBindingTypes.Contains(type) ? HostStorageConnection : null;
        }

        var value = property.Value?.GetValue<string>();
        return string.IsNullOrWhiteSpace(value) ? HostStorageConnection : value.Trim('%');
    }

    private static IEnumerable<string> SettingReferences(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => SettingReferences(p.Value)),
        JsonArray array => array.SelectMany(SettingReferences),
        JsonValue value when value.TryGetValue<string>(out var text) =>
            PercentReference().Matches(text).Select(m => m.Groups["name"].Value),
        _ => [],
    };

    [GeneratedRegex("%(?<name>[A-Za-z0-9_:.-]+)%")]
    private static partial Regex PercentReference();
}
