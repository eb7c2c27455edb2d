using Microsoft.IdentityModel.Tokens;

namespace Vaccination.Api.Authentication;

/// <summary>Supplies the keys that caller tokens may be signed with.</summary>
public interface ISigningKeySource
{
    Task<IReadOnlyCollection<SecurityKey>> GetKeysAsync(CancellationToken cancellationToken);
}
