using System.Text.Json.Nodes;
using Vaccination.Infra.Tests.Bicep;

namespace Vaccination.Infra.Tests.Functions;

/// <summary>
/// The functions.metadata of functions/Vaccination.Functions. Built with <c>dotnet build</c> when it is missing or
/// older than the project's sources; a project that does not build or write it fails the tests that need it.
/// </summary>
public sealed class FunctionsMetadataBuild : IAsyncLifetime
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(8);

    /// <summary>Variables the test host sets for its own MSBuild; a child build must find its own.</summary>
    private static readonly string[] InheritedMsBuildVariables =
        ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "VSTEST_HOST_DEBUG"];

    public static string ProjectFolder => Path.Combine(TestEnvironment.RepositoryRoot, "functions", "Vaccination.Functions");

    public static string MetadataPath =>
        Path.Combine(ProjectFolder, "bin", TestEnvironment.Configuration, "net10.0", "functions.metadata");

    /// <summary>The parsed metadata, or null when it could not be produced (see <see cref="Problem"/>).</summary>
    internal JsonArray? Metadata { get; private set; }

    /// <summary>Why the metadata is missing, with the build output.</summary>
    public string Problem { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        if (!IsCurrent())
        {
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
            var build = await CommandRunner.RunAsync(
                dotnet,
                ["build", Path.Combine(ProjectFolder, "Vaccination.Functions.csproj"), "-c", TestEnvironment.Configuration, "-nologo", "-v", "q", "-nodeReuse:false", "-p:UseSharedCompilation=false"],
                TestEnvironment.RepositoryRoot,
                BuildTimeout,
                InheritedMsBuildVariables.ToDictionary(v => v, _ => (string?)null));
            if (build.ExitCode != 0)
            {
                Problem = $"Building the Functions project failed, so its functions.metadata cannot be read.\n{build}";
            }
        }

        if (File.Exists(MetadataPath))
        {
            Metadata = JsonNode.Parse(await File.ReadAllTextAsync(MetadataPath))!.AsArray();
        }
        else if (Problem.Length == 0)
        {
            Problem = $"{MetadataPath} does not exist after building the Functions project.";
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// The metadata is written by the same build as the project's assembly (keeping its own, older, time when its
    /// content does not change), so it is current when the assembly is newer than every source file.
    /// </summary>
    private static bool IsCurrent()
    {
        var assembly = Path.Combine(Path.GetDirectoryName(MetadataPath)!, "Vaccination.Functions.dll");
        if (!File.Exists(MetadataPath) || !File.Exists(assembly))
        {
            return false;
        }

        var built = File.GetLastWriteTimeUtc(assembly);
        return Directory.EnumerateFiles(ProjectFolder, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .All(f => File.GetLastWriteTimeUtc(f) <= built);
    }
}
