using System.Diagnostics;
using Azure;
using Azure.Core;
using Vaccination.Infrastructure.KeyVault;
using static Vaccination.UnitTests.KeyVault.KeyVaultWire;

namespace Vaccination.UnitTests.KeyVault;

public sealed class KeyVaultKeysClientTests
{
    private static readonly byte[] X = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] Y = Enumerable.Range(101, 32).Select(i => (byte)i).ToArray();

    // 0xFB 0xFF is "+/8=" in standard base64 and "-_8" in unpadded base64url.
    private static readonly byte[] UrlSensitiveBytes = [0xFB, 0xFF];

    [Fact]
    public async Task GetKeyAsync_WithVersion_SendsAuthenticatedGetWithPinnedApiVersion()
    {
        var transport = new RecordingTransport().Enqueue(200, EcKey(KeyId("signing", VersionOne), X, Y));
        var credential = new FixedTokenCredential();
        var client = CreateClient(transport, credential);

        await client.GetKeyAsync("signing", VersionOne);

        var request = Assert.Single(transport.Requests);
        Assert.Equal(RequestMethod.Get, request.Method);
        Assert.Equal("test-vault.vault.azure.net", request.Uri.Host);
        Assert.Equal($"/keys/signing/{VersionOne}", request.Uri.AbsolutePath);
        Assert.Equal("?api-version=7.5", request.Uri.Query);
        Assert.Equal("Bearer test-token", request.Header("Authorization"));
        Assert.Null(request.Body);
        var scopes = Assert.Single(credential.RequestedScopes);
        Assert.Equal(["https://vault.azure.net/.default"], scopes);
    }

    [Fact]
    public async Task GetKeyAsync_WithoutVersion_RequestsCurrentVersionPath()
    {
        var transport = new RecordingTransport().Enqueue(200, EcKey(KeyId("signing", VersionOne), X, Y));
        var client = CreateClient(transport);

        await client.GetKeyAsync("signing");

        Assert.Equal("/keys/signing", Assert.Single(transport.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task GetKeyAsync_EcKey_ReturnsKidTypeAndDecodedCoordinates()
    {
        var transport = new RecordingTransport().Enqueue(200, EcKey(KeyId("signing", VersionOne), X, Y));
        var client = CreateClient(transport);

        KeyVaultKey key = await client.GetKeyAsync("signing");

        Assert.Equal(KeyId("signing", VersionOne), key.Id);
        Assert.Equal("EC-HSM", key.KeyType);
        Assert.Equal("P-256", key.CurveName);
        Assert.Equal(X, key.X);
        Assert.Equal(Y, key.Y);
        Assert.Null(key.N);
        Assert.True(key.Enabled);
        Assert.Equal(new KeyVaultKeyIdentifier(new Uri(VaultUri), "signing", VersionOne), key.Identifier);
    }

    [Fact]
    public async Task GetKeyAsync_RsaKey_ReturnsModulusAndExponent()
    {
        var modulus = Enumerable.Range(0, 256).Select(i => (byte)(255 - i)).ToArray();
        var transport = new RecordingTransport().Enqueue(200, RsaKey(KeyId("kek", VersionOne), modulus, enabled: false));
        var client = CreateClient(transport);

        KeyVaultKey key = await client.GetKeyAsync("kek");

        Assert.Equal("RSA-HSM", key.KeyType);
        Assert.Equal(modulus, key.N);
        Assert.Equal(new byte[] { 1, 0, 1 }, key.E);
        Assert.Null(key.X);
        Assert.False(key.Enabled);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../secrets/db")]
    [InlineData("kek/abc")]
    [InlineData("kek?x=1")]
    [InlineData("kek_1")]
    public async Task GetKeyAsync_IllegalKeyName_ThrowsWithoutSendingRequest(string name)
    {
        var transport = new RecordingTransport();
        var client = CreateClient(transport);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.GetKeyAsync(name));

        Assert.Equal("name", ex.ParamName);
        Assert.Empty(transport.Requests);
    }

    [Fact]
    public async Task WrapKeyAsync_Key_PostsAlgorithmAndUnpaddedBase64UrlValue()
    {
        var transport = new RecordingTransport().Enqueue(200, KeyOperation(KeyId("kek", VersionOne), [1, 2, 3]));
        var client = CreateClient(transport);

        await client.WrapKeyAsync("kek", VersionOne, UrlSensitiveBytes);

        var request = Assert.Single(transport.Requests);
        Assert.Equal(RequestMethod.Post, request.Method);
        Assert.Equal($"/keys/kek/{VersionOne}/wrapkey", request.Uri.AbsolutePath);
        Assert.Equal("?api-version=7.5", request.Uri.Query);
        Assert.Equal("Bearer test-token", request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("""{"alg":"RSA-OAEP-256","value":"-_8"}""", request.BodyText);
    }

    [Fact]
    public async Task WrapKeyAsync_Response_ReturnsKidAndDecodedBytes()
    {
        var transport = new RecordingTransport().Enqueue(200, """{"kid":"https://test-vault.vault.azure.net/keys/kek/0123456789abcdef0123456789abcdef","value":"-_8"}""");
        var client = CreateClient(transport);

        KeyVaultWrapResult result = await client.WrapKeyAsync("kek", VersionOne, [9, 9]);

        Assert.Equal(KeyId("kek", VersionOne), result.KeyId);
        Assert.Equal("RSA-OAEP-256", result.Algorithm);
        Assert.Equal(UrlSensitiveBytes, result.EncryptedKey);
    }

    [Fact]
    public async Task UnwrapKeyAsync_EncryptedKey_PostsToUnwrapkeyAndReturnsDecodedBytes()
    {
        var plaintext = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
        var transport = new RecordingTransport().Enqueue(200, KeyOperation(KeyId("kek", VersionOne), plaintext));
        var client = CreateClient(transport);

        byte[] result = await client.UnwrapKeyAsync("kek", VersionOne, UrlSensitiveBytes);

        var request = Assert.Single(transport.Requests);
        Assert.Equal(RequestMethod.Post, request.Method);
        Assert.Equal($"/keys/kek/{VersionOne}/unwrapkey", request.Uri.AbsolutePath);
        Assert.Equal("?api-version=7.5", request.Uri.Query);
        var body = request.BodyJson();
        Assert.Equal("RSA-OAEP-256", body.GetProperty("alg").GetString());
        Assert.Equal("-_8", body.GetProperty("value").GetString());
        Assert.Equal(plaintext, result);
    }

    [Fact]
    public async Task SignAsync_Digest_PostsEs256AndReturnsSignature()
    {
        var digest = Enumerable.Range(0, 32).Select(i => (byte)(250 - i)).ToArray();
        var signature = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray();
        var transport = new RecordingTransport().Enqueue(200, KeyOperation(KeyId("signing", VersionOne), signature));
        var client = CreateClient(transport);

        KeyVaultSignResult result = await client.SignAsync("signing", VersionOne, digest);

        var request = Assert.Single(transport.Requests);
        Assert.Equal(RequestMethod.Post, request.Method);
        Assert.Equal($"/keys/signing/{VersionOne}/sign", request.Uri.AbsolutePath);
        Assert.Equal("?api-version=7.5", request.Uri.Query);
        var body = request.BodyJson();
        Assert.Equal(["alg", "value"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ES256", body.GetProperty("alg").GetString());
        var value = body.GetProperty("value").GetString()!;
        Assert.DoesNotContain('=', value);
        Assert.Equal(Convert.ToBase64String(digest).TrimEnd('=').Replace('+', '-').Replace('/', '_'), value);
        Assert.Equal(KeyId("signing", VersionOne), result.KeyId);
        Assert.Equal(signature, result.Signature);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(48)]
    public async Task SignAsync_DigestNot32Bytes_ThrowsWithoutSendingRequest(int length)
    {
        var transport = new RecordingTransport();
        var client = CreateClient(transport);

        await Assert.ThrowsAsync<ArgumentException>(() => client.SignAsync("signing", VersionOne, new byte[length]));

        Assert.Empty(transport.Requests);
    }

    [Fact]
    public async Task GetKeyAsync_KeyNotFound_ThrowsWithKeyVaultErrorCodeWithoutRetrying()
    {
        var transport = new RecordingTransport().Enqueue(404, Error("KeyNotFound", "A key with (name/id) kek was not found in this key vault."));
        var client = CreateClient(transport);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => client.GetKeyAsync("kek"));

        Assert.Equal(404, ex.Status);
        Assert.Equal("KeyNotFound", ex.ErrorCode);
        Assert.Single(transport.Requests);
    }

    [Fact]
    public async Task WrapKeyAsync_Forbidden_ThrowsWithKeyVaultErrorCode()
    {
        var body = """{"error":{"code":"Forbidden","message":"Caller is not authorized to perform action on resource.","innererror":{"code":"ForbiddenByRbac"}}}""";
        var transport = new RecordingTransport().Enqueue(403, body);
        var client = CreateClient(transport);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => client.WrapKeyAsync("kek", VersionOne, [1]));

        Assert.Equal(403, ex.Status);
        Assert.Equal("Forbidden", ex.ErrorCode);
    }

    [Fact]
    public async Task GetKeyAsync_ThrottledWithRetryAfter_WaitsRetryAfterThenSucceeds()
    {
        // The client's own retry delay is 1 ms and its MaxDelay 100 ms, so a wait of about a second can only come from
        // Retry-After (Azure.Core honours it for 429 even above MaxDelay).
        var transport = new RecordingTransport()
            .Enqueue(429, Error("Throttled", "Request was not processed because too many requests were received."), ("Retry-After", "1"))
            .Enqueue(200, EcKey(KeyId("signing", VersionOne), X, Y));
        var client = CreateClient(transport, maxDelay: TimeSpan.FromMilliseconds(100));
        var stopwatch = Stopwatch.StartNew();

        KeyVaultKey key = await client.GetKeyAsync("signing");

        stopwatch.Stop();
        Assert.Equal(KeyId("signing", VersionOne), key.Id);
        Assert.Equal(2, transport.Requests.Count);
        Assert.All(transport.Requests, r => Assert.Equal("Bearer test-token", r.Header("Authorization")));
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void KeyVaultKeysClientOptions_Defaults_RetryThrottlingAndAllowRetryAfterUpToOneMinute()
    {
        // The other tests shorten the client's own delays; production keeps the Azure SDK defaults.
        var options = new KeyVaultKeysClientOptions();

        Assert.Equal(RetryMode.Exponential, options.Retry.Mode);
        Assert.Equal(3, options.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Retry.MaxDelay);
        Assert.Equal("7.5", KeyVaultKeysClientOptions.ApiVersion);
    }

    [Fact]
    public async Task GetKeyAsync_StillThrottledAfterMaxRetries_ThrowsWithStatus429()
    {
        var transport = new RecordingTransport()
            .Enqueue(429, Error("Throttled", "Too many requests."), ("Retry-After", "0"))
            .Enqueue(429, Error("Throttled", "Too many requests."), ("Retry-After", "0"));
        var client = CreateClient(transport, maxRetries: 1);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => client.GetKeyAsync("signing"));

        Assert.Equal(429, ex.Status);
        Assert.Equal("Throttled", ex.ErrorCode);
        Assert.Equal(2, transport.Requests.Count);
    }

    [Fact]
    public async Task WrapKeyAsync_ResponseWithoutValue_ThrowsRequestFailed()
    {
        var transport = new RecordingTransport().Enqueue(200, """{"kid":"https://test-vault.vault.azure.net/keys/kek/0123456789abcdef0123456789abcdef"}""");
        var client = CreateClient(transport);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => client.WrapKeyAsync("kek", VersionOne, [1]));

        Assert.Contains("'value'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_HttpVaultUri_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new KeyVaultKeysClient(new Uri("http://test-vault.vault.azure.net/"), new FixedTokenCredential()));

        Assert.Equal("vaultUri", ex.ParamName);
    }

    [Fact]
    public void ParseKeyId_StoredKid_ReturnsNameAndVersion()
    {
        var id = KeyVaultKeysClient.ParseKeyId(KeyId("kek", VersionTwo));

        Assert.Equal("kek", id.Name);
        Assert.Equal(VersionTwo, id.Version);
        Assert.Equal(new Uri(VaultUri), id.VaultUri);
    }
}
