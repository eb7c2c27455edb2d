using Vaccination.Infra.Tests.Bicep;

namespace Vaccination.Infra.Tests;

/// <summary>S3: data centres in Japan only.</summary>
[Collection(CompiledInfrastructureDefinition.Name)]
public sealed class LocationTests(CompiledInfrastructure infrastructure)
{
    private static readonly string[] JapanRegions = ["japaneast", "japanwest"];

    public static TheoryData<string> ParameterFiles => ParameterFileTheory.Names();

    [Fact]
    public void Location_AllowedValues_AreOnlyJapanRegions()
    {
        var allowed = infrastructure.Template["parameters"]!["location"]!["allowedValues"]!.AsArray()
            .Select(v => v!.GetValue<string>())
            .Order(StringComparer.Ordinal);

        Assert.Equal(JapanRegions, allowed);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void Location_ParameterFile_IsAJapanRegion(string parameterFile)
    {
        var location = infrastructure.Parameters(parameterFile)["location"];

        Assert.Contains(location, JapanRegions);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void Location_EveryResource_IsTheChosenRegionOrGlobalDns(string parameterFile)
    {
        var location = infrastructure.Parameters(parameterFile)["location"];
        var deployment = infrastructure.Simulate(parameterFile);

        var located = deployment.Resources.Where(r => r.Body.ContainsKey("location")).ToList();

        Assert.NotEmpty(located);
        Assert.All(located, resource =>
        {
            var resourceLocation = resource.Body["location"];
            var isGlobalDns = resource.Type.StartsWith("Microsoft.Network/privateDnsZones", StringComparison.OrdinalIgnoreCase)
                && Equals(resourceLocation, "global");
            Assert.True(Equals(resourceLocation, location) || isGlobalDns, $"{resource} is in {resourceLocation}, not {location}.");
        });
    }
}
