using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Vaccination.Application.Ingestion;
using Vaccination.Application.Keys;
using Vaccination.Application.Subjects;
using Vaccination.Application.Tenants;
using Vaccination.Infrastructure.Crypto;
using Vaccination.Infrastructure.KeyVault;
using Vaccination.Infrastructure.Keys;
using Vaccination.Infrastructure.Storage;
using Vaccination.Infrastructure.Subjects;
using Vaccination.Infrastructure.Tenants;

namespace Vaccination.Infrastructure.DependencyInjection;

/// <summary>Registers the application and its infrastructure; both hosts call this one method.</summary>
public static class InfrastructureServiceCollectionExtensions
{
    public static IServiceCollection AddVaccinationServices(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(TenantRegistryLoader.Load(configuration));
        services.AddSingleton<TenantAccess>();
        services.AddSingleton<SubjectRequestValidator>();
        services.AddSingleton<SubjectService>();
        services.AddSingleton<SubjectFlagService>();
        services.AddSingleton<DoseValidator>();

        services.Configure<KeyCacheOptions>(configuration.GetSection("KeyCache"));
        services.AddSingleton<TenantKeyRing>();
        services.AddSingleton<TenantFieldProtector>();
        services.AddSingleton<PersonKeyStore>();
        services.AddSingleton<ISubjectStore, TableSubjectStore>();

        services.AddRetention(configuration);
        services.AddExchange(configuration);
        services.AddCertificates(configuration, environment);
        services.AddIngestion(configuration);
        services.AddAccessAndAudit();
        services.AddExport();
        services.AddIndividualRequests();
        services.AddStatistics();
        AddStorage(services, configuration);
        AddKeys(services, configuration, environment);
        return services;
    }

    private static void AddStorage(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(provider => options.ConnectionString is { Length: > 0 } connectionString
            ? new TableServiceClient(connectionString)
            : new TableServiceClient(
                options.TableServiceUri ?? throw new InvalidOperationException("Set Storage:TableServiceUri or Storage:ConnectionString."),
                provider.GetRequiredService<TokenCredential>()));
        services.AddSingleton(provider => new StorageTables(provider.GetRequiredService<TableServiceClient>(), new TableNames(options.NamePrefix)));
        services.AddSingleton(provider => options.ConnectionString is { Length: > 0 } connectionString
            ? new QueueServiceClient(connectionString, StorageQueues.ClientOptions())
            : new QueueServiceClient(
                options.QueueServiceUri ?? throw new InvalidOperationException("Set Storage:QueueServiceUri or Storage:ConnectionString."),
                provider.GetRequiredService<TokenCredential>(),
                StorageQueues.ClientOptions()));
        services.AddSingleton(provider => new StorageQueues(provider.GetRequiredService<QueueServiceClient>(), options.NamePrefix.ToLowerInvariant()));
        services.AddSingleton<TokenCredential>(_ => new ManagedIdentityCredential(
            ManagedIdentityId.FromUserAssignedClientId(configuration["AZURE_CLIENT_ID"]
                ?? throw new InvalidOperationException("Set AZURE_CLIENT_ID to the user-assigned identity's client id."))));
    }

    private static void AddKeys(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(KeysOptions.Section).Get<KeysOptions>() ?? new KeysOptions();
        services.AddSingleton(Options.Create(options));
        if (options.Provider == KeysOptions.KeyVaultProvider)
        {
            var vaultUri = options.KeyVaultUri ?? throw new InvalidOperationException("Set Keys:KeyVaultUri for the KeyVault provider.");
            services.AddSingleton(provider => new KeyVaultKeysClient(vaultUri, provider.GetRequiredService<TokenCredential>()));
            services.AddSingleton<IKeyEncryptionKeyProvider>(provider =>
                new KeyVaultKeyEncryptionKeyProvider(provider.GetRequiredService<KeyVaultKeysClient>(), options.KeyEncryptionKeyName));
            services.AddSingleton<ISigningKeyProvider>(provider =>
                new KeyVaultSigningKeyProvider(provider.GetRequiredService<KeyVaultKeysClient>(), options.SigningKeyName));
            return;
        }

        if (options.Provider != KeysOptions.DevelopmentFileProvider)
        {
            throw new InvalidOperationException($"Unknown key provider '{options.Provider}'.");
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException("The development key file is refused in Production; configure Keys:Provider=KeyVault.");
        }

        var path = Path.IsPathRooted(options.DevelopmentKeyFile)
            ? options.DevelopmentKeyFile
            : Path.Combine(environment.ContentRootPath, options.DevelopmentKeyFile);
        services.AddSingleton(_ => DevelopmentKeyFile.LoadOrCreate(path));
        services.AddSingleton<IKeyEncryptionKeyProvider, DevelopmentKeyEncryptionKeyProvider>();
        services.AddSingleton<ISigningKeyProvider, DevelopmentSigningKeyProvider>();
    }
}
