using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vaccination.Application.Retention;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Keys;
using Vaccination.Infrastructure.Retention;
using Vaccination.IntegrationTests.Environment;

namespace Vaccination.IntegrationTests.Retention;

/// <summary>The retention stack over a <see cref="StoreUnderTest"/>, with a fake clock and an in-memory work queue.</summary>
internal sealed class RetentionHarness : IDisposable
{
    private readonly DevelopmentSigningKeyProvider _signingKeys;

    public RetentionHarness(StoreUnderTest store, DateTimeOffset now, int pageSize = 1000, IPersonDataEraser[]? erasers = null, params IWorkingDataExpirer[] expirers)
    {
        Clock = new FakeTimeProvider(now);
        var keyFile = DevelopmentKeyFile.LoadOrCreate(Path.Combine(Directory.CreateTempSubdirectory("retention-signing").FullName, "keys.json"));
        _signingKeys = new DevelopmentSigningKeyProvider(keyFile);
        SigningKeys = _signingKeys;
        Store = new TableRetentionStore(store.Tables, store.PersonKeys, erasers ?? [], new RetentionOptions { ScanPageSize = pageSize });
        Signer = new JwsDeletionReportSigner(_signingKeys);
        Sweeps = new RetentionSweepService(
            new TenantRegistry([TestData.Asahikawa, TestData.Sapporo, AutoApproving]), Store, Queue, Signer, expirers, Clock, NullLogger<RetentionSweepService>.Instance);
    }

    /// <summary>A tenant whose configuration approves erasure proposals automatically.</summary>
    public static Tenant AutoApproving { get; } =
        new(Vaccination.Domain.Identifiers.MunicipalityCode.Parse("131016"), "Chiyoda", "Tokyo", 5, false, 4) { AutoApproveErasure = true };

    public FakeTimeProvider Clock { get; }

    public DevelopmentSigningKeyProvider SigningKeys { get; }

    public TableRetentionStore Store { get; }

    public JwsDeletionReportSigner Signer { get; }

    public RecordingRetentionWorkSender Queue { get; } = new();

    public RetentionSweepService Sweeps { get; }

    public void Dispose() => _signingKeys.Dispose();
}

/// <summary>Keeps enqueued retention work in memory.</summary>
internal sealed class RecordingRetentionWorkSender : IRetentionWorkSender
{
    public List<RetentionWorkItem> Items { get; } = [];

    public Task EnqueueAsync(RetentionWorkItem item, CancellationToken cancellationToken)
    {
        lock (Items)
        {
            Items.Add(item);
        }

        return Task.CompletedTask;
    }
}
