using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Vaccination.Infra.Tests.Arm;

namespace Vaccination.Infra.Tests.Bicep;

/// <summary>
/// Compiles infra/ once per test run into a temporary folder: <c>bicep build</c> of main.bicep, <c>bicep lint</c> of
/// every .bicep and .bicepparam file, and <c>bicep build-params --outfile</c> of every parameter file, all offline.
/// </summary>
public sealed class CompiledInfrastructure : IAsyncLifetime
{
    /// <summary>
    /// The templates use only local modules, so there is nothing to restore; without this flag every command also
    /// downloads the public module index (aka.ms), which must not happen on a machine that reaches only loopback.
    /// </summary>
    private const string NoRestore = "--no-restore";

    private readonly ConcurrentDictionary<string, SimulatedDeployment> _simulations = new(StringComparer.OrdinalIgnoreCase);

    public string OutputFolder { get; } = Path.Combine(Path.GetTempPath(), $"vaccination-infra-{Guid.NewGuid():N}");

    /// <summary>The parameter file names without extension (dev, prod, main, ...), found in infra/.</summary>
    public IReadOnlyList<string> ParameterFileNames { get; private set; } = [];

    internal ProcessResult TemplateBuild { get; private set; } = null!;

    internal IReadOnlyList<ProcessResult> Lints { get; private set; } = [];

    internal IReadOnlyDictionary<string, ProcessResult> ParameterBuilds { get; private set; } = new Dictionary<string, ProcessResult>();

    /// <summary>The compiled main.json.</summary>
    internal JsonObject Template { get; private set; } = null!;

    /// <summary>The compiled parameter files by name.</summary>
    internal IReadOnlyDictionary<string, JsonObject> ParameterFiles { get; private set; } = new Dictionary<string, JsonObject>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(OutputFolder);
        var bicep = BicepCli.Locate();
        var infra = TestEnvironment.InfraFolder;
        ParameterFileNames = Directory.GetFiles(infra, "*.bicepparam")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .ToList()!;

        var templatePath = Path.Combine(OutputFolder, "main.json");
        var build = bicep.RunAsync(infra, "build", "main.bicep", NoRestore, "--outfile", templatePath);
        var lintTemplates = bicep.RunAsync(infra, "lint", "--pattern", "**/*.bicep", NoRestore);
        var lintParameters = ParameterFileNames.Select(name => bicep.RunAsync(infra, "lint", $"{name}.bicepparam", NoRestore)).ToList();
        var parameterBuilds = ParameterFileNames.ToDictionary(
            name => name,
            name => bicep.RunAsync(infra, "build-params", $"{name}.bicepparam", NoRestore, "--outfile", ParameterFilePath(name)));

        TemplateBuild = await build;
        Lints = [await lintTemplates, .. await Task.WhenAll(lintParameters)];
        ParameterBuilds = (await Task.WhenAll(parameterBuilds.Select(async p => (p.Key, Result: await p.Value))))
            .ToDictionary(p => p.Key, p => p.Result);

        Template = File.Exists(templatePath) ? JsonNode.Parse(await File.ReadAllTextAsync(templatePath))!.AsObject() : new JsonObject();
        ParameterFiles = ParameterFileNames
            .Where(name => File.Exists(ParameterFilePath(name)))
            .ToDictionary(name => name, name => JsonNode.Parse(File.ReadAllText(ParameterFilePath(name)))!.AsObject());
    }

    public Task DisposeAsync()
    {
        Directory.Delete(OutputFolder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>What main.json would deploy with the named parameter file (simulated once, then cached).</summary>
    internal SimulatedDeployment Simulate(string parameterFileName) => _simulations.GetOrAdd(
        parameterFileName,
        name => DeploymentSimulator.Simulate(Template, DeploymentSimulator.ReadParameterFile(ParameterFiles[name])));

    /// <summary>Parameter values of a compiled parameter file.</summary>
    internal Dictionary<string, object?> Parameters(string parameterFileName) =>
        DeploymentSimulator.ReadParameterFile(ParameterFiles[parameterFileName]);

    /// <summary>main.json and every module template nested in it.</summary>
    internal IEnumerable<(string Path, JsonObject Template)> AllTemplates()
    {
        var pending = new Stack<(string, JsonObject)>();
        pending.Push(("main", Template));
        while (pending.TryPop(out var current))
        {
            yield return current;
            foreach (var resource in Resources(current.Item2))
            {
                if ((resource["properties"] as JsonObject)?["template"] is JsonObject nested)
                {
                    pending.Push(($"{current.Item1}/{resource["name"]}", nested));
                }
            }
        }
    }

    /// <summary>The resource declarations of a template, whether symbolic (languageVersion 2.0) or an array.</summary>
    internal static IEnumerable<JsonObject> Resources(JsonObject template) => template["resources"] switch
    {
        JsonObject symbolic => symbolic.Select(p => p.Value!.AsObject()),
        JsonArray array => array.Select(r => r!.AsObject()),
        _ => [],
    };

    private string ParameterFilePath(string name) => Path.Combine(OutputFolder, $"{name}.parameters.json");
}
