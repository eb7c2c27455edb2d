using System.Diagnostics.CodeAnalysis;

namespace Vaccination.Infrastructure.KeyVault;

/// <summary>
/// A Key Vault key id (kid) taken apart: <c>https://{vault}/keys/{name}/{version}</c>. Wrapped data keys store the
/// kid, so the name and version needed to unwrap them are parsed back from it.
/// </summary>
/// <param name="VaultUri">The vault, e.g. <c>https://myvault.vault.azure.net/</c>.</param>
/// <param name="Name">The key name (letters, digits and hyphens, at most 127 characters).</param>
/// <param name="Version">The key version, or null for a versionless id.</param>
public sealed record KeyVaultKeyIdentifier(Uri VaultUri, string Name, string? Version)
{
    private const int MaxNameLength = 127;
    private const int MaxVersionLength = 64;

    /// <summary>Parses a kid; throws <see cref="FormatException"/> when it is not a Key Vault key id.</summary>
    public static KeyVaultKeyIdentifier Parse(string keyId)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        return TryParse(keyId, out var identifier)
            ? identifier
            : throw new FormatException("The value is not a Key Vault key id of the form https://{vault}/keys/{name}/{version}.");
    }

    /// <summary>Parses a kid; returns false when it is not an https Key Vault key id.</summary>
    public static bool TryParse(string? keyId, [NotNullWhen(true)] out KeyVaultKeyIdentifier? identifier)
    {
        identifier = null;
        if (!Uri.TryCreate(keyId, UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        var segments = uri.AbsolutePath.Trim('/').Split('/');
        if (segments.Length is < 2 or > 3
            || !string.Equals(segments[0], "keys", StringComparison.OrdinalIgnoreCase)
            || !IsValidName(segments[1]))
        {
            return false;
        }

        string? version = segments.Length == 3 ? segments[2] : null;
        if (version is not null && !IsValidVersion(version))
        {
            return false;
        }

        identifier = new KeyVaultKeyIdentifier(new Uri(uri.GetLeftPart(UriPartial.Authority) + "/"), segments[1], version);
        return true;
    }

    /// <summary>Whether <paramref name="name"/> is a legal Key Vault key name (1-127 letters, digits, hyphens).</summary>
    public static bool IsValidName([NotNullWhen(true)] string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= MaxNameLength && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>Whether <paramref name="version"/> looks like a Key Vault key version (ASCII letters and digits).</summary>
    public static bool IsValidVersion([NotNullWhen(true)] string? version) =>
        !string.IsNullOrEmpty(version) && version.Length <= MaxVersionLength && version.All(char.IsAsciiLetterOrDigit);

    /// <summary>Whether this key lives in <paramref name="vaultUri"/> (same scheme, host and port).</summary>
    public bool IsInVault(Uri vaultUri)
    {
        ArgumentNullException.ThrowIfNull(vaultUri);
        return Uri.Compare(VaultUri, vaultUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
