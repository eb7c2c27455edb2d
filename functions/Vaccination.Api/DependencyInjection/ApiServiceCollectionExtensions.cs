using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Vaccination.Api.Audit;
using Vaccination.Api.Authentication;
using Vaccination.Api.Endpoints;
using Vaccination.Infrastructure.DependencyInjection;

namespace Vaccination.Api.DependencyInjection;

/// <summary>Registers the HTTP contract shared by the Functions app and the self-host.</summary>
public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddVaccinationApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddVaccinationServices(configuration, environment);
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(Options.Create(auth));
        if (auth.Authority is { } authority)
        {
            services.AddSingleton<ISigningKeySource>(new OpenIdSigningKeySource(authority));
        }
        else if (environment.IsProduction())
        {
            throw new InvalidOperationException("Set Auth:Authority in Production; development tokens are refused there.");
        }
        else
        {
            services.AddSingleton<DevelopmentSigningKeySource>();
            services.AddSingleton<ISigningKeySource>(provider => provider.GetRequiredService<DevelopmentSigningKeySource>());
            services.AddSingleton<DevelopmentTokenIssuer>();
            services.AddSingleton<DevelopmentTokenEndpoint>();
            services.AddSingleton<DevelopmentWebhookSecretEndpoint>();
        }

        services.AddSingleton<RequestAudit>();
        services.AddSingleton<CallerAuthenticator>();
        services.AddSingleton<StaffGrantEndpoints>();
        services.AddSingleton<AuditEndpoints>();
        services.AddSingleton<ExportEndpoints>();
        services.AddSingleton<IndividualRequestEndpoints>();
        services.AddSingleton<SubjectFlagEndpoints>();
        services.AddSingleton<StatisticsEndpoints>();
        services.AddSingleton<SubjectEndpoints>();
        services.AddSingleton<HealthEndpoint>();
        services.AddSingleton<IngestionEndpoints>();
        services.AddSingleton<VrsImportEndpoints>();
        services.AddSingleton<DataQualityEndpoints>();
        services.AddSingleton<ConfirmationEndpoints>();
        services.AddSingleton<CertificateEndpoints>();
        services.AddSingleton<RetentionEndpoints>();
        services.AddSingleton<ExchangeEndpoints>();
        return services;
    }
}
