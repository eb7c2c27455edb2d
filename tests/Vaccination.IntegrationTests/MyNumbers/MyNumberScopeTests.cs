using System.Text.Json;
using System.Text.RegularExpressions;
using Vaccination.IntegrationTests.Access;
using Vaccination.IntegrationTests.Environment;
using Vaccination.IntegrationTests.SelfHost;

namespace Vaccination.IntegrationTests.MyNumbers;

/// <summary>
/// My Number only in its three lawful scenes (S6): asking a former municipality (inquiries), providing to a new one
/// (provision), issuing a certificate. Registration data comes from VRS (F1), so subject registration (staff PUT, VRS
/// webhook and import) also accepts one, as the source of D1. Proven against the OpenAPI document (schemas with a
/// My-Number-like property) and against the actual responses of every operation.
/// </summary>
[Collection(IntegrationTestGroup.Name)]
public sealed partial class MyNumberScopeTests(IntegrationEnvironment environment)
{
    private const string M = "/api/municipalities/{municipalityCode}";

    /// <summary>Operations that may take a My Number: the source of D1 (registration) and the three scenes.</summary>
    private static readonly HashSet<string> MayAccept =
    [
        $"PUT {M}/subjects/{{subjectId}}",
        $"POST {M}/vrs/events",
        $"POST {M}/vrs/events/batch",
        $"POST {M}/vrs/imports",
        $"POST {M}/inquiries",
        $"POST {M}/inquiry-jobs",
        $"POST {M}/certificates",
    ];

    /// <summary>Operations that may give one back: the three scenes only.</summary>
    private static readonly HashSet<string> MayReturn =
    [
        $"POST {M}/inquiries",
        $"GET {M}/inquiries/{{inquiryId}}",
        $"POST {M}/inquiry-jobs",
        $"GET {M}/inquiry-jobs/{{jobId}}",
        $"GET {M}/inquiry-jobs/{{jobId}}/result",
        $"GET {M}/provision-reviews",
        $"POST {M}/provision-reviews/{{reviewId}}/approval",
        $"POST {M}/provision-reviews/{{reviewId}}/refusal",
        $"POST {M}/certificates",
    ];

    [Fact]
    public async Task OpenApiDocument_OnlyLawfulOperationsAcceptOrReturnAMyNumber()
    {
        using var api = new ApiClient(await environment.GetSelfHostAsync());
        var (_, document) = await api.SendAsync(HttpMethod.Get, "api/openapi/v1.json", token: null);
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var accepting = new List<string>();
        var returning = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                if (operation.Value.TryGetProperty("requestBody", out var request) && CarriesMyNumber(request, schemas))
                {
                    accepting.Add(name);
                }

                if (operation.Value.TryGetProperty("responses", out var responses) && CarriesMyNumber(responses, schemas))
                {
                    returning.Add(name);
                }
            }
        }

        Assert.Contains($"PUT {M}/subjects/{{subjectId}}", accepting);
        Assert.DoesNotContain(accepting, o => !MayAccept.Contains(o));
        Assert.DoesNotContain(returning, o => !MayReturn.Contains(o));
    }

    [Fact]
    public async Task Responses_OfEveryOperationOutsideTheLawfulScenes_NeverCarryAMyNumber()
    {
        await using var fixture = await MatrixFixture.StartAsync(environment);
        var scanned = 0;
        var leaks = new List<string>();
        foreach (var row in AccessMatrix.Rows.Where(r => !MayReturn.Contains(r.Operation)))
        {
            // Every permitted caller, in its own tenant: the answers that carry data.
            foreach (var caller in row.Public ? [CallerKind.Anonymous] : row.Permitted.Keys)
            {
                var (status, text) = await fixture.SendAsync(row, fixture.Token(caller, TenantRelation.Own));
                scanned += status == 200 ? 1 : 0;
                leaks.AddRange(new[] { MatrixData.MyNumber, MatrixData.NewcomerMyNumber }
                    .Where(n => text.Contains(n, StringComparison.Ordinal))
                    .Select(_ => $"{row.Operation} as {caller} answered {status} with a My Number"));
            }
        }

        Assert.Empty(leaks);
        Assert.True(scanned >= 20, $"Only {scanned} operations answered with data; the scan would prove little.");
    }

    /// <summary>Whether a request body or response schema (following references) has a property named like a My Number holding a value.</summary>
    private static bool CarriesMyNumber(JsonElement element, JsonElement schemas) => CarriesMyNumber(element, schemas, []);

    private static bool CarriesMyNumber(JsonElement element, JsonElement schemas, HashSet<string> visited)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "$ref" && property.Value.GetString() is { } reference)
                    {
                        var name = reference[(reference.LastIndexOf('/') + 1)..];
                        if (visited.Add(name) && schemas.TryGetProperty(name, out var target) && CarriesMyNumber(target, schemas, visited))
                        {
                            return true;
                        }
                    }
                    else if (property.Name == "properties" && property.Value.ValueKind == JsonValueKind.Object
                        && property.Value.EnumerateObject().Any(p => MyNumberLike().IsMatch(p.Name) && !IsBoolean(p.Value)))
                    {
                        return true;
                    }
                    else if (CarriesMyNumber(property.Value, schemas, visited))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Array:
                return element.EnumerateArray().Any(item => CarriesMyNumber(item, schemas, visited));
            default:
                return false;
        }
    }

    /// <summary>"hasMyNumber" says whether one is held, not which.</summary>
    private static bool IsBoolean(JsonElement schema) =>
        schema.TryGetProperty("type", out var type) && (type.ValueKind == JsonValueKind.String
            ? type.GetString() == "boolean"
            : type.EnumerateArray().All(t => t.GetString() is "boolean" or "null"));

    [GeneratedRegex("my_?number|individual_?number|kojin_?bango|personal_?number", RegexOptions.IgnoreCase)]
    private static partial Regex MyNumberLike();
}
