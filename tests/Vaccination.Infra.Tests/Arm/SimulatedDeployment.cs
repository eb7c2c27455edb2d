namespace Vaccination.Infra.Tests.Arm;

/// <summary>What a template would deploy for one set of parameters: every resource, nested modules included.</summary>
internal sealed record SimulatedDeployment(
    IReadOnlyList<SimulatedResource> Resources,
    IReadOnlyDictionary<string, object?> Outputs)
{
    public IEnumerable<SimulatedResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public SimulatedResource Single(string type)
    {
        var matches = OfType(type).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"Expected one {type}, the deployment has {matches.Count}.");
    }
}
