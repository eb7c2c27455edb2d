using System.Buffers.Text;
using System.Text.Json;
using Azure.Core;
using Vaccination.Infrastructure.KeyVault;

namespace Vaccination.UnitTests.KeyVault;

/// <summary>
/// Key Vault REST 7.5 response bodies as the service documents them, and a client wired to the fake transport.
/// </summary>
public static class KeyVaultWire
{
    public const string VaultUri = "https://test-vault.vault.azure.net/";
    public const string VersionOne = "0123456789abcdef0123456789abcdef";
    public const string VersionTwo = "fedcba9876543210fedcba9876543210";

    public static string KeyId(string name, string version) => $"{VaultUri}keys/{name}/{version}";

    /// <summary>A client on <paramref name="transport"/> whose retries wait 1 ms unless the server says otherwise.</summary>
    public static KeyVaultKeysClient CreateClient(
        RecordingTransport transport, TokenCredential? credential = null, int maxRetries = 2, TimeSpan? maxDelay = null)
    {
        var options = new KeyVaultKeysClientOptions { Transport = transport };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = maxDelay ?? TimeSpan.FromSeconds(5);
        options.Retry.MaxRetries = maxRetries;
        return new KeyVaultKeysClient(new Uri(VaultUri), credential ?? new FixedTokenCredential(), options);
    }

    public static string EcKey(string kid, byte[] x, byte[] y, bool enabled = true) => JsonSerializer.Serialize(new
    {
        key = new
        {
            kid,
            kty = "EC-HSM",
            key_ops = new[] { "sign", "verify" },
            crv = "P-256",
            x = Base64Url.EncodeToString(x),
            y = Base64Url.EncodeToString(y),
        },
        attributes = new { enabled, created = 1764493200, updated = 1764493200, recoveryLevel = "Recoverable" },
    });

    public static string RsaKey(string kid, byte[] n, bool enabled = true) => JsonSerializer.Serialize(new
    {
        key = new
        {
            kid,
            kty = "RSA-HSM",
            key_ops = new[] { "wrapKey", "unwrapKey" },
            n = Base64Url.EncodeToString(n),
            e = "AQAB",
        },
        attributes = new { enabled, created = 1764493200, updated = 1764493200, recoveryLevel = "Recoverable" },
    });

    /// <summary>The body of a wrapkey, unwrapkey or sign response.</summary>
    public static string KeyOperation(string kid, byte[] value) =>
        JsonSerializer.Serialize(new { kid, value = Base64Url.EncodeToString(value) });

    public static string Error(string code, string message) =>
        JsonSerializer.Serialize(new { error = new { code, message } });
}
