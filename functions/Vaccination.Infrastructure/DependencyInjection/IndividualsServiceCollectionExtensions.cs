using Microsoft.Extensions.DependencyInjection;
using Vaccination.Application.Individuals;

namespace Vaccination.Infrastructure.DependencyInjection;

/// <summary>
/// Registers individuals' requests (S21) and the disclosure sections. A feature that keeps data about persons in a
/// store of its own adds an <see cref="IDisclosureSource"/> here.
/// </summary>
public static class IndividualsServiceCollectionExtensions
{
    public static IServiceCollection AddIndividualRequests(this IServiceCollection services)
    {
        services.AddSingleton<IDisclosureSource, ProvisionRecordsDisclosureSource>();
        services.AddSingleton<IDisclosureSource, AccessLogDisclosureSource>();
        services.AddSingleton<IDisclosureSource, IssuedCertificatesDisclosureSource>();
        services.AddSingleton<IDisclosureSource, DataQualityDisclosureSource>();
        services.AddSingleton<IDisclosureSource, ReviewItemsDisclosureSource>();
        services.AddSingleton<IndividualRequestService>();
        return services;
    }
}
