using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Vaccination.Application.Certificates;
using Vaccination.Application.Certificates.SmartHealthCards;
using Vaccination.Application.Certificates.VdsNc;
using Vaccination.Application.Retention;
using Vaccination.Infrastructure.Certificates;
using Vaccination.Infrastructure.Storage;
using Vaccination.Infrastructure.Keys;

namespace Vaccination.Infrastructure.DependencyInjection;

/// <summary>
/// Registers certificate issuance (issue 5): options, card verification, SMART Health Cards, VDS-NC and the
/// kept-certificate store. The data-quality reader it needs is the one the ingestion feature registers.
/// </summary>
public static class CertificatesServiceCollectionExtensions
{
    public static IServiceCollection AddCertificates(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new CertificateOptions();
        configuration.GetSection(CertificateOptions.Section).Bind(options);
        if (options.Issuer is { } issuer && CertificateIssuerUrl.Problem(issuer, environment.IsProduction()) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        services.AddSingleton(Options.Create(options));
        services.AddSingleton(new CardTrustAnchors(options.CardTrustAnchors));
        services.AddSingleton<CardDataVerifier>();
        services.AddSingleton<SmartHealthCardSigner>();
        services.AddSingleton<SmartHealthCardIssuer>();
        services.AddSingleton(provider => new VdsNcIssuer(
            provider.GetRequiredService<Application.Keys.ISigningKeyProvider>(),
            provider.GetRequiredService<IOptions<CertificateOptions>>(),
            BarcodeSigner(provider, options)));
        services.AddSingleton<ICertificateStore, TableCertificateStore>();
        services.AddSingleton<IPersonDataEraser>(provider => new SubjectRowsEraser(provider.GetRequiredService<StorageTables>(), TableNames.IssuedCertificates));
        services.AddSingleton<CertificateService>();
        return services;
    }

    private static BarcodeSignerCertificate? BarcodeSigner(IServiceProvider provider, CertificateOptions options) =>
        options.BarcodeSignerCertificate is { Length: > 0 } configured
            ? DevelopmentBarcodeSigner.FromConfiguration(configured)
            : provider.GetService<DevelopmentKeyFile>() is { } keyFile
                ? DevelopmentBarcodeSigner.Create(keyFile, provider.GetRequiredService<TimeProvider>())
                : null;
}
