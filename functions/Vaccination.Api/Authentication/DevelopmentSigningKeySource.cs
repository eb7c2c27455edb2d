using Microsoft.IdentityModel.Tokens;
using Vaccination.Infrastructure.Keys;

namespace Vaccination.Api.Authentication;

/// <summary>The development token key (HS256) from the development key file.</summary>
public sealed class DevelopmentSigningKeySource(DevelopmentKeyFile keyFile) : ISigningKeySource
{
    private readonly SymmetricSecurityKey _key = new(keyFile.TokenSigningKey) { KeyId = "development-token-key" };

    public SymmetricSecurityKey Key => _key;

    public Task<IReadOnlyCollection<SecurityKey>> GetKeysAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<SecurityKey>>([_key]);
}
