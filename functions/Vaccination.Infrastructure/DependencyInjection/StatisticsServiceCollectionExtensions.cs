using Microsoft.Extensions.DependencyInjection;
using Vaccination.Application.Statistics;
using Vaccination.Infrastructure.Statistics;

namespace Vaccination.Infrastructure.DependencyInjection;

/// <summary>Registers dose statistics without personal data (F9): the batch job's reader, the aggregate store and the service.</summary>
public static class StatisticsServiceCollectionExtensions
{
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddSingleton<IDoseFactReader, TableDoseFactReader>();
        services.AddSingleton<IDoseStatisticsStore, TableDoseStatisticsStore>();
        services.AddSingleton<StatisticsService>();
        return services;
    }
}
