namespace Vaccination.IntegrationTests.Environment;

/// <summary>Every integration test class joins this collection to share one <see cref="IntegrationEnvironment"/>.</summary>
[CollectionDefinition(Name)]
public sealed class IntegrationTestGroup : ICollectionFixture<IntegrationEnvironment>
{
    public const string Name = "Azurite";
}
