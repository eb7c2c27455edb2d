using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vaccination.IntegrationTests.Environment;

namespace Vaccination.IntegrationTests.SelfHost;

/// <summary>
/// The two hosts serve the same HTTP API: every operation of the self-host's OpenAPI document is an HTTP function of
/// the Functions app (its built functions.metadata), with the same method and route, and the other way round. Only the
/// self-host's Development endpoints (/api/dev/...) have no function: they do not exist in Azure.
/// </summary>
[Collection(IntegrationTestGroup.Name)]
public sealed partial class HostParityTests(IntegrationEnvironment environment)
{
    [Fact]
    public async Task EveryOperation_IsServedByBothHosts_WithTheSameMethodAndRoute()
    {
        using var api = new ApiClient(await environment.GetSelfHostAsync());
        var (status, document) = await api.SendAsync(HttpMethod.Get, "api/openapi/v1.json", token: null);
        Assert.Equal(200, status);

        var selfHost = SelfHostOperations(document).Where(o => !o.StartsWith("POST /api/dev/", StringComparison.Ordinal)).ToHashSet();
        var functions = FunctionOperations().ToHashSet();

        Assert.Empty(selfHost.Except(functions).Order());
        Assert.Empty(functions.Except(selfHost).Order());
        Assert.True(selfHost.Count > 40, $"Only {selfHost.Count} operations were compared.");
    }

    private static IEnumerable<string> SelfHostOperations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"));

    /// <summary>The HTTP functions of the built Functions app, routes as OpenAPI writes them ("{page:int}" is "{page}").</summary>
    private static List<string> FunctionOperations()
    {
        var configuration = typeof(HostParityTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var path = Path.Combine(RepositoryRoot(), "functions", "Vaccination.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata not found at {path}; build the Functions project.");
        using var metadata = JsonDocument.Parse(File.ReadAllText(path));
        return metadata.RootElement.EnumerateArray()
            .SelectMany(function => function.GetProperty("bindings").EnumerateArray())
            .Where(binding => binding.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(binding => binding.GetProperty("methods").EnumerateArray().Select(method =>
                $"{method.GetString()!.ToUpperInvariant()} /api/{RouteConstraint().Replace(binding.GetProperty("route").GetString()!, "{$1}")}"))
            .ToList();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vaccination.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }

    [GeneratedRegex(@"\{(\w+):[^}]+\}")]
    private static partial Regex RouteConstraint();
}
