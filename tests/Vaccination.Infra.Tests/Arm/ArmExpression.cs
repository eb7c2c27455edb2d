namespace Vaccination.Infra.Tests.Arm;

/// <summary>A parsed ARM template expression (the text between '[' and ']').</summary>
internal abstract record ArmExpression;

/// <summary>A string, integer, boolean or null literal.</summary>
internal sealed record ArmLiteral(object? Value) : ArmExpression;

/// <summary>A function call such as <c>parameters('name')</c>.</summary>
internal sealed record ArmCall(string Name, IReadOnlyList<ArmExpression> Arguments) : ArmExpression;

/// <summary>A property access such as <c>reference('x').outputs</c>.</summary>
internal sealed record ArmPropertyAccess(ArmExpression Target, string Property) : ArmExpression;

/// <summary>An index access such as <c>parameters('names')[0]</c>.</summary>
internal sealed record ArmIndexAccess(ArmExpression Target, ArmExpression Index) : ArmExpression;
