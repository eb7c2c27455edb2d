using System.Text.Json.Nodes;
using Vaccination.Infra.Tests.Bicep;
using Vaccination.Infra.Tests.Functions;

namespace Vaccination.Infra.Tests;

/// <summary>Every setting the built functions.metadata needs (%Name% references, binding connections) is defined in Azure.</summary>
[Collection(CompiledInfrastructureDefinition.Name)]
public sealed class FunctionsMetadataTests(CompiledInfrastructure infrastructure, FunctionsMetadataBuild functions)
    : IClassFixture<FunctionsMetadataBuild>
{
    private const string SampleMetadata = """
        [
          { "name": "RetentionSweepTimer", "bindings": [ { "name": "timer", "type": "timerTrigger", "direction": "In", "schedule": "%RetentionSweepSchedule%" } ] },
          { "name": "RetentionSweepWorker", "bindings": [ { "name": "message", "type": "queueTrigger", "direction": "In", "queueName": "%RetentionQueueName%", "connection": "" } ] },
          { "name": "ExchangeRelay", "bindings": [ { "name": "message", "type": "queueTrigger", "direction": "In", "queueName": "exchange", "properties": { "note": "%ExchangeQueueName%" } },
                                                    { "name": "out", "type": "serviceBus", "direction": "Out", "connection": "ServiceBusConnection" } ] },
          { "name": "Health", "bindings": [ { "name": "req", "type": "httpTrigger", "direction": "In", "authLevel": "Anonymous", "methods": [ "get" ] } ] }
        ]
        """;

    [Fact]
    public void FunctionsMetadata_RequiredSettings_AreDefinedByEveryParameterFile()
    {
        Assert.True(functions.Metadata is not null, functions.Problem);
        Assert.NotEmpty(functions.Metadata);
        var requirements = FunctionsMetadataReader.Read(functions.Metadata);

        var missing = infrastructure.ParameterFileNames
            .SelectMany(parameterFile =>
            {
                var settings = Deployments.AppSettings(infrastructure.Simulate(parameterFile)).Keys.ToList();
                return requirements.Where(r => !r.IsSatisfiedBy(settings)).Select(r => $"{parameterFile}: {r}");
            })
            .ToList();

        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    [Fact]
    public void Read_PercentReferencesAnywhereInABinding_AreRequiredSettings()
    {
        var requirements = FunctionsMetadataReader.Read(JsonNode.Parse(SampleMetadata)!.AsArray());

        var settings = requirements.Where(r => !r.IsConnection).Select(r => r.SettingName).Order(StringComparer.Ordinal);

        Assert.Equal(["ExchangeQueueName", "RetentionQueueName", "RetentionSweepSchedule"], settings);
    }

    [Fact]
    public void Read_StorageBindingWithEmptyOrNoConnection_NeedsHostStorage()
    {
        var requirements = FunctionsMetadataReader.Read(JsonNode.Parse(SampleMetadata)!.AsArray());

        var connections = requirements.Where(r => r.IsConnection).Select(r => (r.Function, r.SettingName)).ToList();

        Assert.Contains(("RetentionSweepWorker", "AzureWebJobsStorage"), connections);
        Assert.Contains(("ExchangeRelay", "AzureWebJobsStorage"), connections);
        Assert.Contains(("ExchangeRelay", "ServiceBusConnection"), connections);
        Assert.Contains(("(host)", "AzureWebJobsStorage"), connections);
        Assert.DoesNotContain(connections, c => c.Function is "Health" or "RetentionSweepTimer");
    }

    [Theory]
    [InlineData("ServiceBusConnection__fullyQualifiedNamespace", true)]
    [InlineData("ServiceBusConnection", true)]
    [InlineData("ServiceBusConnectionString", false)]
    [InlineData("Other__fullyQualifiedNamespace", false)]
    public void IsSatisfiedBy_Connection_AcceptsTheNameOrIdentitySettings(string definedSetting, bool expected)
    {
        var requirement = new SettingRequirement("f", "serviceBus out", "ServiceBusConnection", IsConnection: true);

        Assert.Equal(expected, requirement.IsSatisfiedBy([definedSetting]));
    }

    [Fact]
    public void IsSatisfiedBy_PercentReference_NeedsTheExactSetting()
    {
        var requirement = new SettingRequirement("f", "queueTrigger message", "RetentionQueueName", IsConnection: false);

        Assert.False(requirement.IsSatisfiedBy(["RetentionQueueName__x"]));
        Assert.True(requirement.IsSatisfiedBy(["RetentionQueueName"]));
    }
}
