namespace Vaccination.Infra.Tests.Arm;

/// <summary>A <c>lambda('x', body)</c> value with the lambda variables it closed over.</summary>
internal sealed record ArmLambda(
    IReadOnlyList<string> ParameterNames,
    ArmExpression Body,
    IReadOnlyDictionary<string, object?> Captured);
