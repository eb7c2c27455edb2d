namespace Vaccination.Api.Authentication;

/// <summary>
/// How caller tokens are validated (section "Auth"). In Azure: Entra ID, signing keys from the authority's OpenID
/// metadata. In Development: tokens signed with the development key file's token key (see <see cref="DevelopmentTokenIssuer"/>).
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "https://vaccination.local/dev-issuer";

    public string Audience { get; set; } = "api://vaccination-records";

    /// <summary>The OpenID Connect authority whose signing keys are trusted (Entra ID); null in Development.</summary>
    public Uri? Authority { get; set; }
}
