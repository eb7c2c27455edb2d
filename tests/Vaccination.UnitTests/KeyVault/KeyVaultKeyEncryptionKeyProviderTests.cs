using System.Buffers.Text;
using Azure.Core;
using Azure.Identity;
using Vaccination.Application.Keys;
using Vaccination.Infrastructure.KeyVault;
using static Vaccination.UnitTests.KeyVault.KeyVaultWire;

namespace Vaccination.UnitTests.KeyVault;

public sealed class KeyVaultKeyEncryptionKeyProviderTests
{
    private static readonly byte[] Modulus = Enumerable.Range(0, 256).Select(i => (byte)(i ^ 0x5A)).ToArray();
    private static readonly byte[] DataKey = Enumerable.Range(0, 32).Select(i => (byte)(200 + i)).ToArray();
    private static readonly byte[] Ciphertext = Enumerable.Range(0, 256).Select(i => (byte)(255 - i)).ToArray();

    private readonly RecordingTransport _transport = new();
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task WrapKeyAsync_DataKey_WrapsUnderCurrentVersionAndReturnsKidAlgorithmAndCiphertext()
    {
        _transport
            .Enqueue(200, RsaKey(KeyId("kek", VersionOne), Modulus))
            .Enqueue(200, KeyOperation(KeyId("kek", VersionOne), Ciphertext));
        var provider = CreateProvider();

        var wrapped = await provider.WrapKeyAsync(DataKey);

        Assert.Equal(new[] { RequestMethod.Get, RequestMethod.Post }, _transport.Requests.Select(r => r.Method));
        Assert.Equal("/keys/kek", _transport.Requests[0].Uri.AbsolutePath);
        var wrap = _transport.Requests[1];
        Assert.Equal($"/keys/kek/{VersionOne}/wrapkey", wrap.Uri.AbsolutePath);
        Assert.Equal("RSA-OAEP-256", wrap.BodyJson().GetProperty("alg").GetString());
        Assert.Equal(Base64Url.EncodeToString(DataKey), wrap.BodyJson().GetProperty("value").GetString());
        Assert.Equal(KeyId("kek", VersionOne), wrapped.KeyEncryptionKeyId);
        Assert.Equal("RSA-OAEP-256", wrapped.Algorithm);
        Assert.Equal(Ciphertext, wrapped.Ciphertext);
    }

    [Fact]
    public async Task WrapKeyAsync_TwoWrapsWithinCachePeriod_GetsCurrentVersionOnce()
    {
        _transport
            .Enqueue(200, RsaKey(KeyId("kek", VersionOne), Modulus))
            .Enqueue(200, KeyOperation(KeyId("kek", VersionOne), Ciphertext))
            .Enqueue(200, KeyOperation(KeyId("kek", VersionOne), Ciphertext));
        var provider = CreateProvider();

        await provider.WrapKeyAsync(DataKey);
        _clock.Advance(TimeSpan.FromMinutes(9));
        await provider.WrapKeyAsync(DataKey);

        Assert.Equal(1, _transport.Requests.Count(r => r.Method == RequestMethod.Get));
        Assert.All(
            _transport.Requests.Where(r => r.Method == RequestMethod.Post),
            r => Assert.Equal($"/keys/kek/{VersionOne}/wrapkey", r.Uri.AbsolutePath));
    }

    [Fact]
    public async Task WrapKeyAsync_AfterCachePeriodAndRotation_WrapsUnderNewVersion()
    {
        _transport
            .Enqueue(200, RsaKey(KeyId("kek", VersionOne), Modulus))
            .Enqueue(200, KeyOperation(KeyId("kek", VersionOne), Ciphertext))
            .Enqueue(200, RsaKey(KeyId("kek", VersionTwo), Modulus))
            .Enqueue(200, KeyOperation(KeyId("kek", VersionTwo), Ciphertext));
        var provider = CreateProvider();

        var first = await provider.WrapKeyAsync(DataKey);
        _clock.Advance(TimeSpan.FromMinutes(10));
        var second = await provider.WrapKeyAsync(DataKey);

        Assert.Equal(2, _transport.Requests.Count(r => r.Method == RequestMethod.Get));
        Assert.Equal($"/keys/kek/{VersionTwo}/wrapkey", _transport.Requests[3].Uri.AbsolutePath);
        Assert.Equal(KeyId("kek", VersionOne), first.KeyEncryptionKeyId);
        Assert.Equal(KeyId("kek", VersionTwo), second.KeyEncryptionKeyId);
    }

    [Fact]
    public async Task UnwrapKeyAsync_KeyWrappedUnderOlderVersion_UnwrapsWithStoredVersionWithoutGetKey()
    {
        _transport.Enqueue(200, KeyOperation(KeyId("kek", VersionOne), DataKey));
        var provider = CreateProvider();
        var stored = new WrappedKey(KeyId("kek", VersionOne), "RSA-OAEP-256", Ciphertext);

        var unwrapped = await provider.UnwrapKeyAsync(stored);

        var request = Assert.Single(_transport.Requests);
        Assert.Equal(RequestMethod.Post, request.Method);
        Assert.Equal($"/keys/kek/{VersionOne}/unwrapkey", request.Uri.AbsolutePath);
        Assert.Equal("RSA-OAEP-256", request.BodyJson().GetProperty("alg").GetString());
        Assert.Equal(Base64Url.EncodeToString(Ciphertext), request.BodyJson().GetProperty("value").GetString());
        Assert.Equal(DataKey, unwrapped);
    }

    [Fact]
    public async Task UnwrapKeyAsync_AfterRotation_UsesStoredVersionNotCurrentOne()
    {
        _transport
            .Enqueue(200, RsaKey(KeyId("kek", VersionTwo), Modulus))
            .Enqueue(200, KeyOperation(KeyId("kek", VersionTwo), Ciphertext))
            .Enqueue(200, KeyOperation(KeyId("kek", VersionOne), DataKey));
        var provider = CreateProvider();
        await provider.WrapKeyAsync(DataKey);

        await provider.UnwrapKeyAsync(new WrappedKey(KeyId("kek", VersionOne), "RSA-OAEP-256", Ciphertext));

        Assert.Equal($"/keys/kek/{VersionOne}/unwrapkey", _transport.Requests[^1].Uri.AbsolutePath);
    }

    [Fact]
    public async Task UnwrapKeyAsync_KidFromAnotherVault_ThrowsWithoutSendingRequest()
    {
        var provider = CreateProvider();
        var stored = new WrappedKey($"https://other-vault.vault.azure.net/keys/kek/{VersionOne}", "RSA-OAEP-256", Ciphertext);

        await Assert.ThrowsAsync<ArgumentException>(() => provider.UnwrapKeyAsync(stored));

        Assert.Empty(_transport.Requests);
    }

    [Theory]
    [InlineData("https://test-vault.vault.azure.net/keys/kek", "RSA-OAEP-256")]
    [InlineData("https://test-vault.vault.azure.net/keys/kek/0123456789abcdef0123456789abcdef", "RSA1_5")]
    [InlineData("local:development-kek", "RSA-OAEP-256")]
    public async Task UnwrapKeyAsync_VersionlessKidOrOtherAlgorithm_ThrowsWithoutSendingRequest(string kid, string algorithm)
    {
        var provider = CreateProvider();

        await Assert.ThrowsAsync<ArgumentException>(() => provider.UnwrapKeyAsync(new WrappedKey(kid, algorithm, Ciphertext)));

        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task CheckAsync_KeyReachable_ReportsHealthy()
    {
        _transport.Enqueue(200, RsaKey(KeyId("kek", VersionOne), Modulus));
        var provider = CreateProvider();

        var status = await provider.CheckAsync();

        Assert.True(status.Healthy);
        Assert.Equal("KeyVault", status.Provider);
        Assert.Equal("/keys/kek", Assert.Single(_transport.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task CheckAsync_Forbidden_ReportsUnhealthyWithErrorCode()
    {
        _transport.Enqueue(403, Error("Forbidden", "Caller is not authorized to perform action on resource."));
        var provider = CreateProvider();

        var status = await provider.CheckAsync();

        Assert.False(status.Healthy);
        Assert.Equal("KeyVault", status.Provider);
        Assert.Contains("403", status.Detail, StringComparison.Ordinal);
        Assert.Contains("Forbidden", status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_DisabledKey_ReportsUnhealthy()
    {
        _transport.Enqueue(200, RsaKey(KeyId("kek", VersionOne), Modulus, enabled: false));
        var provider = CreateProvider();

        var status = await provider.CheckAsync();

        Assert.False(status.Healthy);
        Assert.Contains("disabled", status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_EcKeyConfiguredAsKek_ReportsUnhealthy()
    {
        _transport.Enqueue(200, EcKey(KeyId("kek", VersionOne), new byte[32], new byte[32]));
        var provider = CreateProvider();

        var status = await provider.CheckAsync();

        Assert.False(status.Healthy);
        Assert.Contains("RSA", status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_CredentialFails_ReportsUnhealthyWithoutThrowing()
    {
        var credential = new FixedTokenCredential(failure: new AuthenticationFailedException("No managed identity endpoint found."));
        var provider = new KeyVaultKeyEncryptionKeyProvider(CreateClient(_transport, credential), "kek", TimeSpan.FromMinutes(10), _clock);

        var status = await provider.CheckAsync();

        Assert.False(status.Healthy);
        Assert.Contains(nameof(AuthenticationFailedException), status.Detail, StringComparison.Ordinal);
        Assert.Empty(_transport.Requests);
    }

    [Fact]
    public async Task CheckAsync_Cancelled_Throws()
    {
        var provider = CreateProvider();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.CheckAsync(cancellation.Token));
    }

    private KeyVaultKeyEncryptionKeyProvider CreateProvider() =>
        new(CreateClient(_transport), "kek", TimeSpan.FromMinutes(10), _clock);
}
