namespace Vaccination.Infra.Tests;

/// <summary>The parameter files in infra/, as theory data (read from the folder, so a new file is tested too).</summary>
internal static class ParameterFileTheory
{
    public static TheoryData<string> Names() => new(NameList());

    public static IReadOnlyList<string> NameList() =>
        Directory.GetFiles(TestEnvironment.InfraFolder, "*.bicepparam")
            .Select(file => Path.GetFileNameWithoutExtension(file))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The parameter files that deploy production (network isolation on).</summary>
    public const string Production = "prod";

    public const string Development = "dev";
}
