namespace Vaccination.Infra.Tests.Functions;

/// <summary>An app setting a function binding needs: a %Name% reference, or a connection (Name or Name__*).</summary>
/// <param name="Function">The function that needs it.</param>
/// <param name="Binding">The binding (or "host") that needs it.</param>
/// <param name="SettingName">The setting, or the connection prefix.</param>
/// <param name="IsConnection">A connection is satisfied by the setting itself or by identity-based Name__* settings.</param>
internal sealed record SettingRequirement(string Function, string Binding, string SettingName, bool IsConnection)
{
    public bool IsSatisfiedBy(IReadOnlyCollection<string> settingNames) =>
        settingNames.Contains(SettingName, StringComparer.OrdinalIgnoreCase)
        || (IsConnection && settingNames.Any(name => name.StartsWith(SettingName + "__", StringComparison.OrdinalIgnoreCase)));

    public override string ToString() =>
        $"{Function}/{Binding} needs {(IsConnection ? $"connection '{SettingName}' ({SettingName} or {SettingName}__*)" : $"setting '{SettingName}'")}";
}
