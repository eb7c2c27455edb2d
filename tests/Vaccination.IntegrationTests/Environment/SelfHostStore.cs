using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.Ingestion;
using Vaccination.Infrastructure.Keys;
using Vaccination.Infrastructure.Storage;
using Vaccination.Infrastructure.Subjects;

namespace Vaccination.IntegrationTests.Environment;

/// <summary>
/// The storage stack over the shared self-host's own tables and development key file, so a test can set what no
/// endpoint sets yet (protection and suspension flags, data-quality flags) for persons it registered over HTTP.
/// </summary>
public sealed class SelfHostStore : IDisposable
{
    private readonly TenantKeyRing _tenantKeys;
    private readonly PersonKeyStore _personKeys;

    public SelfHostStore(IntegrationEnvironment environment, SelfHostProcess host)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(host);
        var tables = new StorageTables(new TableServiceClient(environment.Azurite.ConnectionString), new TableNames(host.TablePrefix));
        var cacheOptions = Options.Create(new KeyCacheOptions());
        _tenantKeys = new TenantKeyRing(tables, new DevelopmentKeyEncryptionKeyProvider(DevelopmentKeyFile.LoadOrCreate(host.KeyFile)), cacheOptions);
        _personKeys = new PersonKeyStore(tables, _tenantKeys, cacheOptions);
        Subjects = new TableSubjectStore(tables, _personKeys);
        DataQuality = new TableDataQualityStore(tables);
    }

    public TableSubjectStore Subjects { get; }

    public TableDataQualityStore DataQuality { get; }

    public void Dispose()
    {
        _personKeys.Dispose();
        _tenantKeys.Dispose();
    }
}
