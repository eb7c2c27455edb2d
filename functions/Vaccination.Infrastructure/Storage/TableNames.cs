namespace Vaccination.Infrastructure.Storage;

/// <summary>
/// The application's tables. Logical names are used in associated data; physical names carry an optional prefix
/// (tests give each run its own).
/// </summary>
public sealed record TableNames(string Prefix = "")
{
    public const string Subjects = nameof(Subjects);
    public const string Doses = nameof(Doses);
    public const string PersonKeys = nameof(PersonKeys);
    public const string TenantKeys = nameof(TenantKeys);

    public static IReadOnlyList<string> All { get; } = [Subjects, Doses, PersonKeys, TenantKeys];

    public string Physical(string logicalName) => Prefix + logicalName;
}
