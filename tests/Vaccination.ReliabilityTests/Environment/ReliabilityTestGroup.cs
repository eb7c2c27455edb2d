namespace Vaccination.ReliabilityTests.Environment;

/// <summary>
/// The scenarios that run the self-host share one <see cref="ReliabilityEnvironment"/> and run one after another, since
/// some of them stop its Azurite.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReliabilityTestGroup : ICollectionFixture<ReliabilityEnvironment>
{
    public const string Name = "Reliability";
}
