using System.Text.Json;
using Vaccination.IntegrationTests.Environment;

namespace Vaccination.IntegrationTests.Access;

/// <summary>
/// The access matrix (S1, S4, S5): every operation of the self-host's OpenAPI document x every caller x own or other
/// tenant, on a self-host of its own (<see cref="MatrixFixture"/>). An operation without a row in
/// <see cref="AccessMatrix"/> fails the test, and so does a row for an operation that no longer exists. Denials are
/// 401, 403 or 404 with a problem body that carries no personal value, and every 403 and every 404 looks the same, so
/// a denial says nothing about whether data exists.
/// </summary>
[Collection(IntegrationTestGroup.Name)]
public sealed class AccessMatrixTests(IntegrationEnvironment environment) : IAsyncLifetime
{
    private MatrixFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await MatrixFixture.StartAsync(environment);

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task EveryEndpoint_EveryCallerAndTenant_GetsTheMatrixStatus_AndDenialsRevealNothing()
    {
        var operations = await _fixture.OpenApiOperationsAsync();
        var rows = AccessMatrix.Rows.ToDictionary(r => r.Operation, StringComparer.Ordinal);
        var missing = operations.Where(o => !rows.ContainsKey(o)).ToList();
        var stale = rows.Keys.Where(o => !operations.Contains(o)).ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            $"Operations without a matrix row:\n  {string.Join("\n  ", missing)}\nRows without an operation:\n  {string.Join("\n  ", stale)}");

        var failures = new List<string>();
        var denialShapes = new Dictionary<int, HashSet<string>> { [401] = [], [403] = [], [404] = [] };
        foreach (var row in AccessMatrix.Rows)
        {
            foreach (var caller in Enum.GetValues<CallerKind>())
            {
                foreach (var relation in Enum.GetValues<TenantRelation>())
                {
                    var expected = row.Expected(caller, relation);
                    var (status, text) = await _fixture.SendAsync(row, _fixture.Token(caller, relation));
                    var cell = $"{row.Operation} as {caller} ({relation} tenant)";
                    if (status != expected)
                    {
                        failures.Add($"{cell}: expected {expected}, got {status} {text[..Math.Min(200, text.Length)]}");
                    }

                    if (!row.Public && status is 401 or 403 or 404)
                    {
                        failures.AddRange(DenialProblems(cell, text));
                        denialShapes[status].Add(Shape(text));
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} cells differ from the matrix:\n{string.Join("\n", failures)}");
        Assert.All(denialShapes, pair => Assert.True(pair.Value.Count <= 1, $"{pair.Key} denials differ: {string.Join(" | ", pair.Value)}"));
    }

    /// <summary>A denial carries a problem body and nothing of the seeded person.</summary>
    private static IEnumerable<string> DenialProblems(string cell, string text)
    {
        if (!text.Contains("\"status\"", StringComparison.Ordinal))
        {
            yield return $"{cell}: the denial is not a problem document: {text}";
        }

        foreach (var value in MatrixData.SensitiveValues.Where(v => text.Contains(v, StringComparison.Ordinal)))
        {
            yield return $"{cell}: the denial contains a personal value ({value.Length} characters)";
        }
    }

    /// <summary>A problem body without its trace id: what a caller could compare between two denials.</summary>
    private static string Shape(string text)
    {
        using var document = JsonDocument.Parse(text);
        return JsonSerializer.Serialize(document.RootElement.EnumerateObject().Where(p => p.Name != "traceId").ToDictionary(p => p.Name, p => p.Value.ToString()));
    }
}
