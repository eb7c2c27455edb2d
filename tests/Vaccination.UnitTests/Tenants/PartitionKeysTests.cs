using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Storage;

namespace Vaccination.UnitTests.Tenants;

public class PartitionKeysTests
{
    private static readonly Tenant Asahikawa = new(MunicipalityCode.Parse("012041"), "Asahikawa", "Hokkaido", 20, true, 16);

    [Fact]
    public void ForSubject_StartsWithTenantCode_AndIsStable()
    {
        var id = SubjectId.TryCreate("A-1").Value;

        var first = PartitionKeys.ForSubject(Asahikawa, id);

        Assert.StartsWith("012041-", first, StringComparison.Ordinal);
        Assert.Equal(first, PartitionKeys.ForSubject(Asahikawa, id));
    }

    [Fact]
    public void ForSubject_ManySubjects_SpreadOverEveryPartition()
    {
        var used = Enumerable.Range(0, 2000)
            .Select(i => PartitionKeys.ForSubject(Asahikawa, SubjectId.TryCreate($"S{i}").Value))
            .ToHashSet();

        Assert.Equal(PartitionKeys.AllForTenant(Asahikawa).ToHashSet(), used);
    }

    [Fact]
    public void AllForTenant_NeverNamesAnotherTenant()
    {
        Assert.All(PartitionKeys.AllForTenant(Asahikawa), key => Assert.StartsWith("012041-", key, StringComparison.Ordinal));
    }
}
