using Azure.Core;

namespace Vaccination.UnitTests.KeyVault;

/// <summary>A credential that hands out a fixed token (or fails), and records the scopes it was asked for.</summary>
public sealed class FixedTokenCredential(string token = FixedTokenCredential.DefaultToken, Exception? failure = null) : TokenCredential
{
    public const string DefaultToken = "test-token";

    private readonly List<string[]> _requestedScopes = [];

    public IReadOnlyList<string[]> RequestedScopes
    {
        get
        {
            lock (_requestedScopes)
            {
                return [.. _requestedScopes];
            }
        }
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (_requestedScopes)
        {
            _requestedScopes.Add(requestContext.Scopes);
        }

        if (failure is not null)
        {
            throw failure;
        }

        return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
