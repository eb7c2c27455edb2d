using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vaccination.Application.DataQuality;
using Vaccination.Application.Ingestion;
using Vaccination.Application.Ingestion.Import;
using Vaccination.Infrastructure.Ingestion;
using Vaccination.Infrastructure.Subjects;

namespace Vaccination.Infrastructure.DependencyInjection;

/// <summary>Registers the VRS ingestion: webhook processing, idempotency, ticket index, data quality, review list, bulk import.</summary>
public static class IngestionServiceCollectionExtensions
{
    public static IServiceCollection AddIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IngestionOptions>(configuration.GetSection(IngestionOptions.Section));
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
        services.AddSingleton<VrsImportService>();
        services.AddSingleton<IVrsExportReader, VrsExportCsvReader>();
        services.AddSingleton<IImportDoseWriter, TableImportDoseWriter>();
        services.AddSingleton<IImportSubjectReader, TableImportSubjectReader>();
        return services;
    }
}
