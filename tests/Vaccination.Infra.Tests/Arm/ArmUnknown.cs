namespace Vaccination.Infra.Tests.Arm;

/// <summary>
/// A value only Azure knows at deployment time (a resource's runtime property, a tenant id). It remembers the
/// expression it came from, so a test can still tell where it points, e.g. the identity's principalId.
/// </summary>
internal sealed record ArmUnknown(string Origin)
{
    public ArmUnknown Then(string step) => new(Origin + step);

    public override string ToString() => $"<unknown: {Origin}>";
}
