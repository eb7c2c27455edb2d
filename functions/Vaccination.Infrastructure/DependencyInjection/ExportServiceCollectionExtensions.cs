using Microsoft.Extensions.DependencyInjection;
using Vaccination.Application.Export;
using Vaccination.Infrastructure.Export;

namespace Vaccination.Infrastructure.DependencyInjection;

/// <summary>Registers the CSV export of vaccination records in the VRS ledger layout (S7).</summary>
public static class ExportServiceCollectionExtensions
{
    public static IServiceCollection AddExport(this IServiceCollection services)
    {
        services.AddSingleton<ILedgerReader, TableLedgerReader>();
        services.AddSingleton<RecordExportService>();
        return services;
    }
}
