using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Vaccination.Application.Callers;
using Vaccination.Application.Exchange;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.DependencyInjection;
using Vaccination.Infrastructure.Keys;
using Vaccination.Infrastructure.Storage;
using Vaccination.IntegrationTests.Environment;

namespace Vaccination.IntegrationTests.Exchange;

/// <summary>
/// The application's real services built in the test process over the shared self-host's tables and key file, but
/// sending on its own exchange queue that no consumer reads: a test can read a message raw before anything handles it,
/// hand it to the self-host's queue (as a duplicate, or tampered), or deliver it itself.
/// </summary>
public sealed class InProcessExchange : IDisposable
{
    private readonly ServiceProvider _provider;

    private InProcessExchange(ServiceProvider provider, SelfHostProcess host, string connectionString, string queueName)
    {
        _provider = provider;
        Host = host;
        ConnectionString = connectionString;
        var queues = new QueueServiceClient(connectionString, StorageQueues.ClientOptions());
        CapturedQueue = queues.GetQueueClient((host.TablePrefix + queueName).ToLowerInvariant());
        SelfHostQueue = queues.GetQueueClient((host.TablePrefix + "exchange").ToLowerInvariant());
        SelfHostPoisonQueue = queues.GetQueueClient((host.TablePrefix + "exchange-poison").ToLowerInvariant());
    }

    public SelfHostProcess Host { get; }

    public string ConnectionString { get; }

    public IServiceProvider Services => _provider;

    /// <summary>The queue this stack sends to; nothing consumes it.</summary>
    public QueueClient CapturedQueue { get; }

    public QueueClient SelfHostQueue { get; }

    public QueueClient SelfHostPoisonQueue { get; }

    public TenantRegistry Tenants => _provider.GetRequiredService<TenantRegistry>();

    /// <param name="clock">The stack's clock instead of the system's, for a test that moves time on rather than waiting.</param>
    public static async Task<InProcessExchange> CreateAsync(
        IntegrationEnvironment environment, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var host = await environment.GetSelfHostAsync();
        var queueName = "captured" + Guid.NewGuid().ToString("N")[..8];
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = environment.Azurite.ConnectionString,
                ["Storage:NamePrefix"] = host.TablePrefix,
                ["Keys:DevelopmentKeyFile"] = host.KeyFile,
                ["ExchangeQueueName"] = queueName,
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var hostEnvironment = new TestHostEnvironment();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddVaccinationServices(configuration, hostEnvironment);
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        var stack = new InProcessExchange(services.BuildServiceProvider(), host, environment.Azurite.ConnectionString, queueName);
        await stack.CapturedQueue.CreateIfNotExistsAsync();
        return stack;
    }

    public Tenant Tenant(string code) => Tenants.Find(code)!;

    /// <summary>The tenant's blind-index value of a My Number, computed from its index key as stored (to search for it).</summary>
    public async Task<string> BlindIndexAsync(string municipalityCode, string myNumber)
    {
        var tables = new StorageTables(new TableServiceClient(ConnectionString), new TableNames(Host.TablePrefix));
        using var ring = new TenantKeyRing(tables, new DevelopmentKeyEncryptionKeyProvider(DevelopmentKeyFile.LoadOrCreate(Host.KeyFile)),
            Options.Create(new KeyCacheOptions()));
        var indexKey = await ring.GetIndexKeyAsync(Tenant(municipalityCode), default);
        return BlindIndex.ForMyNumber(indexKey, MyNumber.TryCreate(myNumber).Value);
    }

    /// <summary>Sends an inquiry as Sapporo's staff through the real <see cref="InquiryService"/>; the message waits on the captured queue.</summary>
    public async Task<string> InquireAsync(string subjectId, string myNumber, string legalBasis = "mynumber-act-19-16")
    {
        var caller = new Caller("tester", CallerRole.MunicipalAdministrator, MunicipalityCode.Parse(ExchangeApi.Sapporo));
        var accepted = await _provider.GetRequiredService<InquiryService>().CreateAsync(caller, ExchangeApi.Sapporo,
            new InquiryRequest(subjectId, myNumber, ExchangeApi.Asahikawa, legalBasis, "CONSENT-2026-001"), default);
        Assert.True(accepted.IsSuccess, string.Join(", ", accepted.Errors.Select(e => e.Code)));
        return accepted.Value.Id;
    }

    /// <summary>Takes the one message waiting on the captured queue (its decoded text).</summary>
    public async Task<string> TakeCapturedAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var received = await CapturedQueue.ReceiveMessageAsync();
            if (received.Value is { } message)
            {
                await CapturedQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                return message.Body.ToString();
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No message arrived on the captured queue.");
    }

    public void Dispose() => _provider.Dispose();

    private sealed class TestHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "Vaccination.IntegrationTests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
