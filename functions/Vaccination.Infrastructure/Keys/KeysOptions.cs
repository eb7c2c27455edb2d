namespace Vaccination.Infrastructure.Keys;

/// <summary>Which key provider to use and where its keys are (section "Keys").</summary>
public sealed class KeysOptions
{
    public const string Section = "Keys";
    public const string KeyVaultProvider = "KeyVault";
    public const string DevelopmentFileProvider = "DevelopmentFile";

    public string Provider { get; set; } = DevelopmentFileProvider;

    public Uri? KeyVaultUri { get; set; }

    public string KeyEncryptionKeyName { get; set; } = "tenant-data-kek";

    public string SigningKeyName { get; set; } = "certificate-signing";

    public string DevelopmentKeyFile { get; set; } = ".devkeys/development-keys.json";
}
