using Azure.Core;

namespace Vaccination.Infrastructure.KeyVault;

/// <summary>
/// Options for <see cref="KeyVaultKeysClient"/>. Retries follow Azure.Core's <see cref="ClientOptions.Retry"/>:
/// 408, 429, 500, 502, 503 and 504 are retried, and a <c>Retry-After</c> header on 429/503 sets the wait.
/// </summary>
public class KeyVaultKeysClientOptions : ClientOptions
{
    /// <summary>The Key Vault REST API version every request pins (<c>api-version=7.5</c>).</summary>
    public const string ApiVersion = "7.5";

    /// <summary>
    /// Creates options with the Azure SDK retry defaults: exponential back-off from 0.8 s, at most 1 minute, 3 retries.
    /// <see cref="RetryOptions.MaxDelay"/> bounds only the client's own back-off: with Azure.Core 1.64.0 a server
    /// <c>Retry-After</c> is waited for as given, so the caller's cancellation token bounds a long throttle.
    /// </summary>
    public KeyVaultKeysClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 3;
        Retry.Delay = TimeSpan.FromSeconds(0.8);
        Retry.MaxDelay = TimeSpan.FromMinutes(1);
    }
}
