namespace Vaccination.Infra.Tests.Bicep;

/// <summary>Every test class over the compiled templates shares one compilation.</summary>
[CollectionDefinition(Name)]
public sealed class CompiledInfrastructureDefinition : ICollectionFixture<CompiledInfrastructure>
{
    public const string Name = "Compiled infrastructure";
}
