using Vaccination.Domain.Audit;

namespace Vaccination.UnitTests.Audit;

public sealed class AuditOutcomesTests
{
    [Theory]
    [InlineData(200, AuditOutcomes.Succeeded)]
    [InlineData(202, AuditOutcomes.Succeeded)]
    [InlineData(400, AuditOutcomes.Rejected)]
    [InlineData(409, AuditOutcomes.Rejected)]
    [InlineData(403, AuditOutcomes.Forbidden)]
    [InlineData(404, AuditOutcomes.NotFound)]
    [InlineData(500, AuditOutcomes.Failed)]
    [InlineData(503, AuditOutcomes.Failed)]
    public void FromStatus_MapsEachStatusClass(int status, string expected) => Assert.Equal(expected, AuditOutcomes.FromStatus(status));
}
