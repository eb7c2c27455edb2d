using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vaccination.Application.DataQuality;
using Vaccination.Application.Ingestion;
using Vaccination.Application.Ingestion.Import;
using Vaccination.Application.Retention;
using Vaccination.Infrastructure.Configuration;
using Vaccination.Infrastructure.Ingestion;
using Vaccination.Infrastructure.Storage;
using Vaccination.Infrastructure.Subjects;

namespace Vaccination.Infrastructure.DependencyInjection;

/// <summary>Registers the VRS ingestion: webhook processing, the queue of events answered asynchronously, idempotency, ticket index, data quality, review list, bulk import.</summary>
public static class IngestionServiceCollectionExtensions
{
    public const string DefaultQueueName = "ingestion-events";

    public static IServiceCollection AddIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        var queueName = configuration[AppSettingNames.IngestionQueueName] ?? DefaultQueueName;
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestionOptions>, IngestionOptionsValidator>();
        services.AddSingleton(new QueueDeclaration(queueName));
        services.AddSingleton(provider => new StorageQueuedEventSender(provider.GetRequiredService<StorageQueues>(), queueName));
        services.AddSingleton<IQueuedEventSender>(provider => provider.GetRequiredService<StorageQueuedEventSender>());
        services.AddSingleton<QueuedEventApplier>();
        services.AddSingleton<QueuedEventRedrive>();
        services.AddSingleton<WebhookEventValidator>();
        services.AddSingleton<EventApplier>();
        services.AddSingleton<EventProcessor>();
        services.AddSingleton<WebhookIngestionService>();
        services.AddSingleton<ConfirmationService>();
        services.AddSingleton<IdempotencyPurge>();
        services.AddSingleton<DataQualityService>();

        services.AddSingleton<TicketIndex>();
        services.AddSingleton<ITicketDirectory>(provider => provider.GetRequiredService<TicketIndex>());
        services.AddSingleton<TenantWebhookSecrets>();
        services.AddSingleton<IWebhookSecretProvider>(provider => provider.GetRequiredService<TenantWebhookSecrets>());
        services.AddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        services.AddSingleton<TableDataQualityStore>();
        services.AddSingleton<IDataQualityStore>(provider => provider.GetRequiredService<TableDataQualityStore>());
        services.AddSingleton<IDataQualityReader>(provider => provider.GetRequiredService<TableDataQualityStore>());
        services.AddSingleton<IReviewList, TableReviewList>();
        services.AddSingleton<IPersonDataEraser>(provider => new SubjectRowsEraser(provider.GetRequiredService<StorageTables>(), TableNames.DataQualityFlags));
        services.AddSingleton<IPersonDataEraser>(provider => new SubjectRowsEraser(provider.GetRequiredService<StorageTables>(), TableNames.ReviewItems));
        services.AddSingleton<IPersonDataEraser, TicketIndexEraser>();
        services.AddSingleton<VrsImportService>();
        services.AddSingleton<IVrsExportReader, VrsExportCsvReader>();
        services.AddSingleton<IImportDoseWriter, TableImportDoseWriter>();
        services.AddSingleton<IImportSubjectReader, TableImportSubjectReader>();
        return services;
    }
}
