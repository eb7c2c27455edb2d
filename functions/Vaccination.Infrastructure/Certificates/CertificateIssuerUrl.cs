namespace Vaccination.Infrastructure.Certificates;

/// <summary>
/// Checks the configured SMART Health Card issuer ("iss"): an absolute URL without query, fragment or trailing slash whose
/// path ends with the API prefix "/api", because the JWKS is served at "/api/.well-known/jwks.json" and the iss must be
/// exactly the prefix of that URL. https, except http on a loopback host outside Production.
/// </summary>
public static class CertificateIssuerUrl
{
    public const string ApiPathSuffix = "/api";

    public static string? Problem(string issuer, bool production)
    {
        if (!Uri.TryCreate(issuer, UriKind.Absolute, out var uri) || issuer.EndsWith('/') || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return "Certificates:Issuer must be an absolute URL without query, fragment or trailing slash.";
        }

        if (!uri.AbsolutePath.EndsWith(ApiPathSuffix, StringComparison.Ordinal))
        {
            return $"Certificates:Issuer must end with \"{ApiPathSuffix}\": the JWKS is served at <issuer>/.well-known/jwks.json.";
        }

        var secure = uri.Scheme == Uri.UriSchemeHttps || (!production && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
        return secure ? null : "Certificates:Issuer must use https (http only on a loopback host outside Production).";
    }
}
