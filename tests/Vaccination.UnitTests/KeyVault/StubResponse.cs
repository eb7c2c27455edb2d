namespace Vaccination.UnitTests.KeyVault;

/// <summary>What the fake transport answers: a status, an optional JSON body and extra headers.</summary>
public sealed record StubResponse(int Status, string? Body, IReadOnlyList<(string Name, string Value)> Headers)
{
    public static StubResponse Json(int status, string body, params (string Name, string Value)[] headers) =>
        new(status, body, headers);
}
