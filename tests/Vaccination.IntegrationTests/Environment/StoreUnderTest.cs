using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Keys;
using Vaccination.Infrastructure.Storage;
using Vaccination.Infrastructure.Subjects;

namespace Vaccination.IntegrationTests.Environment;

/// <summary>
/// The real storage stack (tables, key ring, person keys, subject store) on Azurite with its own table prefix.
/// <see cref="Reopen"/> gives a second stack over the same tables and keys with cold caches, as a restarted instance would have.
/// </summary>
public sealed class StoreUnderTest : IDisposable
{
    private readonly DevelopmentKeyFile _keyFile;

    private StoreUnderTest(string connectionString, string prefix, DevelopmentKeyFile keyFile)
    {
        ConnectionString = connectionString;
        Prefix = prefix;
        _keyFile = keyFile;
        Tables = new StorageTables(new TableServiceClient(connectionString), new TableNames(prefix));
        KeyEncryptionKey = new CountingKeyEncryptionKeyProvider(new DevelopmentKeyEncryptionKeyProvider(keyFile));
        var cacheOptions = Options.Create(new KeyCacheOptions());
        TenantKeys = new TenantKeyRing(Tables, KeyEncryptionKey, cacheOptions);
        PersonKeys = new PersonKeyStore(Tables, TenantKeys, cacheOptions);
        Subjects = new TableSubjectStore(Tables, PersonKeys);
    }

    public string ConnectionString { get; }

    public string Prefix { get; }

    public StorageTables Tables { get; }

    public CountingKeyEncryptionKeyProvider KeyEncryptionKey { get; }

    public TenantKeyRing TenantKeys { get; }

    public PersonKeyStore PersonKeys { get; }

    public TableSubjectStore Subjects { get; }

    public static async Task<StoreUnderTest> CreateAsync(IntegrationEnvironment environment)
    {
        var keyPath = Path.Combine(Directory.CreateTempSubdirectory("store-keys").FullName, "keys.json");
        var store = new StoreUnderTest(environment.Azurite.ConnectionString, IntegrationEnvironment.UniquePrefix(), DevelopmentKeyFile.LoadOrCreate(keyPath));
        await store.Tables.EnsureCreatedAsync();
        return store;
    }

    public StoreUnderTest Reopen() => new(ConnectionString, Prefix, _keyFile);

    public void Dispose()
    {
        PersonKeys.Dispose();
        TenantKeys.Dispose();
    }
}
