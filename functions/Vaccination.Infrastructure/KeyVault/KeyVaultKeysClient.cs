using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Vaccination.Infrastructure.KeyVault;

/// <summary>
/// A small Azure Key Vault keys client (get key, wrap, unwrap, sign) on the Azure.Core pipeline, for use where
/// Azure.Security.KeyVault.Keys is not available. It speaks Key Vault REST API version 7.5, authenticates with a
/// bearer token for <c>https://vault.azure.net/.default</c>, and retries throttled requests as configured in
/// <see cref="ClientOptions.Retry"/> (honouring <c>Retry-After</c>). Instances are thread-safe; members are
/// virtual so callers can mock them.
/// </summary>
public class KeyVaultKeysClient
{
    /// <summary>The token scope for the Key Vault data plane in the public cloud.</summary>
    public const string Scope = "https://vault.azure.net/.default";

    /// <summary>The key-wrapping algorithm this client requests.</summary>
    public const string WrapAlgorithm = "RSA-OAEP-256";

    /// <summary>The signature algorithm this client requests.</summary>
    public const string SignAlgorithm = "ES256";

    private const int Sha256DigestLength = 32;

    private readonly HttpPipeline _pipeline = null!;
    private readonly Uri _vaultBase = null!;

    /// <summary>For mocking only.</summary>
    protected KeyVaultKeysClient()
    {
        VaultUri = null!;
    }

    /// <summary>Creates a client for the vault at <paramref name="vaultUri"/> with default options.</summary>
    public KeyVaultKeysClient(Uri vaultUri, TokenCredential credential)
        : this(vaultUri, credential, null)
    {
    }

    /// <summary>Creates a client for the vault at <paramref name="vaultUri"/> (an https URI, e.g. <c>https://myvault.vault.azure.net/</c>).</summary>
    public KeyVaultKeysClient(Uri vaultUri, TokenCredential credential, KeyVaultKeysClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(vaultUri);
        ArgumentNullException.ThrowIfNull(credential);
        if (!vaultUri.IsAbsoluteUri || vaultUri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException("The vault URI must be an absolute https URI.", nameof(vaultUri));
        }

        VaultUri = vaultUri;
        _vaultBase = new Uri(vaultUri.GetLeftPart(UriPartial.Authority));
        _pipeline = HttpPipelineBuilder.Build(
            options ?? new KeyVaultKeysClientOptions(),
            new BearerTokenAuthenticationPolicy(credential, Scope));
    }

    /// <summary>The vault this client talks to.</summary>
    public virtual Uri VaultUri { get; }

    /// <summary>Parses the key name and version out of a key id (kid), e.g. one stored with a wrapped key.</summary>
    /// <exception cref="FormatException">The value is not a Key Vault key id.</exception>
    public static KeyVaultKeyIdentifier ParseKeyId(string keyId) => KeyVaultKeyIdentifier.Parse(keyId);

    /// <summary>Gets the public part of a key: GET <c>/keys/{name}/{version}</c>; without a version, the current one.</summary>
    /// <exception cref="RequestFailedException">Key Vault answered with an error (its error code is in <see cref="RequestFailedException.ErrorCode"/>).</exception>
    public virtual async Task<Response<KeyVaultKey>> GetKeyAsync(string name, string? version = null, CancellationToken cancellationToken = default)
    {
        ValidateName(name);
        if (version is not null)
        {
            ValidateVersion(version);
        }

        using var message = CreateMessage(RequestMethod.Get, name, version, operation: null, body: null);
        var response = await SendAsync(message, cancellationToken);
        using var document = ParseBody(response);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("key", out var jwk)
            || jwk.ValueKind != JsonValueKind.Object)
        {
            throw MalformedResponse(response, "key");
        }

        bool? enabled = root.TryGetProperty("attributes", out var attributes)
            && attributes.ValueKind == JsonValueKind.Object
            && attributes.TryGetProperty("enabled", out var enabledElement)
            && enabledElement.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? enabledElement.GetBoolean()
                : null;

        var key = new KeyVaultKey(
            Id: RequiredString(response, jwk, "kid"),
            KeyType: RequiredString(response, jwk, "kty"),
            Enabled: enabled,
            CurveName: OptionalString(jwk, "crv"),
            X: OptionalBytes(response, jwk, "x"),
            Y: OptionalBytes(response, jwk, "y"),
            N: OptionalBytes(response, jwk, "n"),
            E: OptionalBytes(response, jwk, "e"));
        return Response.FromValue(key, response);
    }

    /// <summary>Wraps <paramref name="key"/> with RSA-OAEP-256: POST <c>/keys/{name}/{version}/wrapkey</c>.</summary>
    /// <exception cref="RequestFailedException">Key Vault answered with an error.</exception>
    public virtual async Task<Response<KeyVaultWrapResult>> WrapKeyAsync(string keyName, string keyVersion, byte[] key, CancellationToken cancellationToken = default)
    {
        ValidateName(keyName);
        ValidateVersion(keyVersion);
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            throw new ArgumentException("The key to wrap is empty.", nameof(key));
        }

        var (keyId, value, response) = await SendKeyOperationAsync(keyName, keyVersion, "wrapkey", WrapAlgorithm, key, cancellationToken);
        return Response.FromValue(new KeyVaultWrapResult(keyId, WrapAlgorithm, value), response);
    }

    /// <summary>Unwraps a key wrapped with RSA-OAEP-256: POST <c>/keys/{name}/{version}/unwrapkey</c>.</summary>
    /// <exception cref="RequestFailedException">Key Vault answered with an error.</exception>
    public virtual async Task<Response<byte[]>> UnwrapKeyAsync(string keyName, string keyVersion, byte[] encryptedKey, CancellationToken cancellationToken = default)
    {
        ValidateName(keyName);
        ValidateVersion(keyVersion);
        ArgumentNullException.ThrowIfNull(encryptedKey);
        if (encryptedKey.Length == 0)
        {
            throw new ArgumentException("The wrapped key is empty.", nameof(encryptedKey));
        }

        var (_, value, response) = await SendKeyOperationAsync(keyName, keyVersion, "unwrapkey", WrapAlgorithm, encryptedKey, cancellationToken);
        return Response.FromValue(value, response);
    }

    /// <summary>
    /// Signs a SHA-256 digest with ES256: POST <c>/keys/{name}/{version}/sign</c>. The signature is r||s
    /// (IEEE P1363), 64 bytes for a P-256 key.
    /// </summary>
    /// <exception cref="RequestFailedException">Key Vault answered with an error.</exception>
    public virtual async Task<Response<KeyVaultSignResult>> SignAsync(string keyName, string keyVersion, byte[] sha256Digest, CancellationToken cancellationToken = default)
    {
        ValidateName(keyName);
        ValidateVersion(keyVersion);
        ArgumentNullException.ThrowIfNull(sha256Digest);
        if (sha256Digest.Length != Sha256DigestLength)
        {
            throw new ArgumentException("An ES256 signature is made over a 32-byte SHA-256 digest.", nameof(sha256Digest));
        }

        var (keyId, value, response) = await SendKeyOperationAsync(keyName, keyVersion, "sign", SignAlgorithm, sha256Digest, cancellationToken);
        return Response.FromValue(new KeyVaultSignResult(keyId, SignAlgorithm, value), response);
    }

    private async Task<(string KeyId, byte[] Value, Response Response)> SendKeyOperationAsync(
        string keyName, string keyVersion, string operation, string algorithm, byte[] value, CancellationToken cancellationToken)
    {
        // Body: {"alg":"...","value":"<base64url, no padding>"}.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("alg", algorithm);
            writer.WriteString("value", Base64Url.EncodeToString(value));
            writer.WriteEndObject();
        }

        using var message = CreateMessage(RequestMethod.Post, keyName, keyVersion, operation, RequestContent.Create(buffer.WrittenMemory));
        var response = await SendAsync(message, cancellationToken);
        using var document = ParseBody(response);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw MalformedResponse(response, "kid");
        }

        var keyId = RequiredString(response, root, "kid");
        var result = OptionalBytes(response, root, "value") ?? throw MalformedResponse(response, "value");
        return (keyId, result, response);
    }

    private HttpMessage CreateMessage(RequestMethod method, string name, string? version, string? operation, RequestContent? body)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(_vaultBase);
        request.Uri.AppendPath("/keys/", escape: false);
        request.Uri.AppendPath(name, escape: true);
        if (version is not null)
        {
            request.Uri.AppendPath("/", escape: false);
            request.Uri.AppendPath(version, escape: true);
        }

        if (operation is not null)
        {
            request.Uri.AppendPath("/", escape: false);
            request.Uri.AppendPath(operation, escape: false);
        }

        request.Uri.AppendQuery("api-version", KeyVaultKeysClientOptions.ApiVersion, escapeValue: true);
        request.Headers.Add(HttpHeader.Names.Accept, "application/json");
        if (body is not null)
        {
            request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
            request.Content = body;
        }

        return message;
    }

    private async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await _pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        if (response.Status is < 200 or > 299)
        {
            // Azure.Core's default parser reads Key Vault's {"error":{"code":"...","message":"..."}} into ErrorCode.
            throw new RequestFailedException(response);
        }

        return response;
    }

    private static JsonDocument ParseBody(Response response)
    {
        try
        {
            return JsonDocument.Parse(response.Content.ToMemory());
        }
        catch (JsonException ex)
        {
            throw new RequestFailedException(response.Status, "Key Vault returned a response body that is not JSON.", ex);
        }
    }

    private static string RequiredString(Response response, JsonElement element, string name) =>
        OptionalString(element, name) ?? throw MalformedResponse(response, name);

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[]? OptionalBytes(Response response, JsonElement element, string name)
    {
        var text = OptionalString(element, name);
        if (text is null)
        {
            return null;
        }

        try
        {
            return Base64Url.DecodeFromChars(text);
        }
        catch (FormatException ex)
        {
            throw new RequestFailedException(response.Status, $"Key Vault returned '{name}' that is not base64url.", ex);
        }
    }

    private static RequestFailedException MalformedResponse(Response response, string member) =>
        new(response.Status, $"Key Vault returned a response without the expected '{member}' member.");

    private static void ValidateName(string name, [CallerArgumentExpression(nameof(name))] string? parameterName = null)
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        if (!KeyVaultKeyIdentifier.IsValidName(name))
        {
            throw new ArgumentException("A Key Vault key name has 1-127 letters, digits and hyphens.", parameterName);
        }
    }

    private static void ValidateVersion(string version, [CallerArgumentExpression(nameof(version))] string? parameterName = null)
    {
        ArgumentNullException.ThrowIfNull(version, parameterName);
        if (!KeyVaultKeyIdentifier.IsValidVersion(version))
        {
            throw new ArgumentException("A Key Vault key version has only letters and digits.", parameterName);
        }
    }
}
