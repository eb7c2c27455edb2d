namespace Vaccination.IntegrationTests.Access;

/// <summary>
/// One row of the access matrix: an operation as the OpenAPI document names it ("GET /api/..."), how to call it, and
/// the status each permitted caller gets in its own tenant. Every caller not listed is refused with 403; a permitted
/// municipal caller from another tenant gets 404; no token gets 401; a <see cref="Public"/> row answers everyone the
/// same. <see cref="Overrides"/> states the cells that follow another rule (statistics by prefecture).
/// </summary>
public sealed record EndpointRow(string Operation, Func<MatrixContext, MatrixRequest> Request, IReadOnlyDictionary<CallerKind, int> Permitted, bool Public = false)
{
    public IReadOnlyDictionary<(CallerKind, TenantRelation), int> Overrides { get; init; } = new Dictionary<(CallerKind, TenantRelation), int>();

    public string Method => Operation[..Operation.IndexOf(' ', StringComparison.Ordinal)];

    public int Expected(CallerKind caller, TenantRelation relation)
    {
        if (Overrides.TryGetValue((caller, relation), out var overridden))
        {
            return overridden;
        }

        if (Public)
        {
            return Permitted[CallerKind.Anonymous];
        }

        if (caller == CallerKind.Anonymous)
        {
            return 401;
        }

        if (!Permitted.TryGetValue(caller, out var status))
        {
            return 403;
        }

        return relation == TenantRelation.Own ? status : 404;
    }
}
