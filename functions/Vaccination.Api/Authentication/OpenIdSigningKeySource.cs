using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Vaccination.Api.Authentication;

/// <summary>Signing keys from an OpenID Connect authority's metadata (Entra ID), cached and refreshed by the configuration manager.</summary>
public sealed class OpenIdSigningKeySource(Uri authority) : ISigningKeySource
{
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata = new(
        new Uri(authority, authority.AbsolutePath.TrimEnd('/') + "/.well-known/openid-configuration").ToString(),
        new OpenIdConnectConfigurationRetriever(),
        new HttpDocumentRetriever { RequireHttps = true });

    public async Task<IReadOnlyCollection<SecurityKey>> GetKeysAsync(CancellationToken cancellationToken) =>
        (await _metadata.GetConfigurationAsync(cancellationToken)).SigningKeys.ToList();
}
