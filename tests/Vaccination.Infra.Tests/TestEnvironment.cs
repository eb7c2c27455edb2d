using System.Reflection;

namespace Vaccination.Infra.Tests;

/// <summary>Facts the build wrote into the test assembly: the repository, the Bicep package folder, the configuration.</summary>
internal static class TestEnvironment
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot") is { Length: > 0 } root && Directory.Exists(root)
        ? root
        : FindRepositoryRoot();

    public static string InfraFolder => Path.Combine(RepositoryRoot, "infra");

    /// <summary>The Bicep CLI NuGet package folder restored with this project (empty when the build did not set it).</summary>
    public static string BicepPackageFolder => Metadata("BicepPackageFolder") ?? string.Empty;

    public static string Configuration => Metadata("Configuration") is { Length: > 0 } configuration ? configuration : "Debug";

    private static string? Metadata(string key) =>
        typeof(TestEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value;

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "infra", "main.bicep")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("No folder above the test assembly holds infra/main.bicep.");
    }
}
