using System.Globalization;
using System.Text;
using Vaccination.Application.Ingestion;
using static Vaccination.IntegrationTests.Access.CallerKind;

namespace Vaccination.IntegrationTests.Access;

/// <summary>
/// The access matrix: one row per operation of the self-host's OpenAPI document. Adding an endpoint means adding its
/// row here (the test fails until then): name the operation exactly as the document does, say how to call it, and list
/// the roles permitted with the status each gets in its own tenant. Requests of permitted callers are built to get past
/// access control and stop at something that proves it (the seeded subject, inquiry and job, or a validation error),
/// so a permitted answer is not confused with a denial. Where the fixture holds no resource of the kind (erasure
/// proposals and certificates, provision reviews, data-quality flags), a permitted caller gets the same 404 as a
/// caller of another tenant: there the matrix proves the denials, and the feature's own tests prove the way through.
/// </summary>
public static class AccessMatrix
{
    private const string M = "/api/municipalities/{municipalityCode}";
    private const string Own = "api/municipalities/" + MatrixContext.Own;

    public static IReadOnlyList<EndpointRow> Rows { get; } =
    [
        PublicRow("GET /api/health", _ => new("api/health"), 200),
        PublicRow("GET /api/.well-known/jwks.json", _ => new("api/.well-known/jwks.json"), 200),
        PublicRow("POST /api/dev/tokens", _ => new("api/dev/tokens", new { role = "national" }), 200),
        PublicRow("POST /api/dev/webhook-secrets", _ => new("api/dev/webhook-secrets", new { municipality = MatrixContext.Own }), 200),

        // Subjects and doses (staff).
        Row($"GET {M}/subjects/{{subjectId}}", c => new($"{Own}/subjects/{c.SubjectId}"), Staffs(200)),
        Row($"PUT {M}/subjects/{{subjectId}}", c => new($"{Own}/subjects/{c.SubjectId}", MatrixData.Registration()), Staffs(409)),
        Row($"POST {M}/subjects/{{subjectId}}/doses", c => new($"{Own}/subjects/{c.SubjectId}/doses", MatrixData.Dose()), Staffs(200)),
        Row($"PUT {M}/subjects/{{subjectId}}/confirmation", c => new($"{Own}/subjects/{c.SubjectId}/confirmation"), Staffs(200)),
        Row($"DELETE {M}/subjects/{{subjectId}}/confirmation", c => new($"{Own}/subjects/{c.SubjectId}/confirmation"), Staffs(200)),
        Row($"PUT {M}/subjects/{{subjectId}}/auto-response-hold", c => new($"{Own}/subjects/{c.SubjectId}/auto-response-hold"), Staffs(200)),
        Row($"DELETE {M}/subjects/{{subjectId}}/auto-response-hold", c => new($"{Own}/subjects/{c.SubjectId}/auto-response-hold"), Staffs(200)),

        // Individuals' requests (S21).
        Row($"GET {M}/subjects/{{subjectId}}/disclosure", c => new($"{Own}/subjects/{c.SubjectId}/disclosure"), Staffs(200)),
        Row($"POST {M}/subjects/{{subjectId}}/correction", c => new($"{Own}/subjects/{c.SubjectId}/correction", new { name = "訂正" }), Staffs(400)),
        Row($"PUT {M}/subjects/{{subjectId}}/suspension", c => new($"{Own}/subjects/{c.SubjectId}/suspension"), Staffs(200)),
        Row($"DELETE {M}/subjects/{{subjectId}}/suspension", c => new($"{Own}/subjects/{c.SubjectId}/suspension"), Staffs(200)),

        // VRS webhook and imports.
        Row($"POST {M}/vrs/events", c => Signed($"{Own}/vrs/events", "{}", c), Map((Vrs, 400), (VaccinationSite, 400))),
        // No event of the fixture is on record: a permitted caller gets the same 404 as a caller of another tenant.
        Row($"GET {M}/vrs/events/{{eventId}}", _ => new($"{Own}/vrs/events/no-such-event"), Map((Vrs, 404), (VaccinationSite, 404))),
        Row($"POST {M}/vrs/events/batch", c => Signed($"{Own}/vrs/events/batch", "{\"events\":[]}", c), Map((Vrs, 400), (VaccinationSite, 400))),
        // The import streams an NDJSON report with 200; a bad header is its first (error) line.
        Row($"POST {M}/vrs/imports", _ => new($"{Own}/vrs/imports", RawBody: "not,a,ledger\r\n", ContentType: "text/csv"), Staffs(200)),

        // Data quality and the confirmed-record review list.
        Row($"GET {M}/data-quality", _ => new($"{Own}/data-quality"), Staffs(200)),
        Row($"POST {M}/data-quality/{{subjectId}}/{{flagId}}/resolution", c => new($"{Own}/data-quality/{c.SubjectId}/no-such-flag/resolution"), Staffs(404)),
        Row($"GET {M}/review-items", _ => new($"{Own}/review-items"), Staffs(200)),

        // Certificates.
        Row($"POST {M}/certificates", _ => new($"{Own}/certificates", new { channel = "app", kind = "domestic" }), Map((CertificateChannel, 400))),

        // Retention.
        Row($"POST {M}/retention-sweeps", _ => new($"{Own}/retention-sweeps"), Map((Administrator, 202))),
        Row($"GET {M}/erasure-proposals", _ => new($"{Own}/erasure-proposals"), Staffs(200)),
        Row($"GET {M}/erasure-proposals/{{proposalId}}", _ => new($"{Own}/erasure-proposals/no-such-proposal"), Staffs(404)),
        Row($"POST {M}/erasure-proposals/{{proposalId}}/decision", _ => new($"{Own}/erasure-proposals/no-such-proposal/decision", new { approve = false }), Map((Administrator, 404))),
        Row($"GET {M}/erasure-certificates/{{certificateId}}", _ => new($"{Own}/erasure-certificates/no-such-certificate"), Staffs(404)),
        Row($"GET {M}/erasure-certificates/{{certificateId}}/destroyed-keys/{{page}}", _ => new($"{Own}/erasure-certificates/no-such-certificate/destroyed-keys/1"), Staffs(404)),

        // Inter-municipality exchange.
        Row($"POST {M}/inquiries", _ => new($"{Own}/inquiries", new { }), Staffs(400)),
        Row($"GET {M}/inquiries/{{inquiryId}}", c => new($"{Own}/inquiries/{c.InquiryId}"), Staffs(200)),
        Row($"POST {M}/inquiry-jobs", _ => new($"{Own}/inquiry-jobs", RawBody: "", ContentType: "text/csv"), Staffs(400)),
        Row($"GET {M}/inquiry-jobs/{{jobId}}", c => new($"{Own}/inquiry-jobs/{c.JobId}"), Staffs(200)),
        Row($"GET {M}/inquiry-jobs/{{jobId}}/result", c => new($"{Own}/inquiry-jobs/{c.JobId}/result"), Staffs(200)),
        Row($"GET {M}/provision-reviews", _ => new($"{Own}/provision-reviews"), Staffs(200)),
        Row($"POST {M}/provision-reviews/{{reviewId}}/approval", _ => new($"{Own}/provision-reviews/no-such-review/approval"), Staffs(404)),
        Row($"POST {M}/provision-reviews/{{reviewId}}/refusal", _ => new($"{Own}/provision-reviews/no-such-review/refusal"), Staffs(404)),
        Row($"GET {M}/exchange-records", _ => new($"{Own}/exchange-records"), Staffs(200)),

        // Access control and audit (administrators).
        Row($"GET {M}/staff-grants", _ => new($"{Own}/staff-grants"), Map((Administrator, 200))),
        Row($"POST {M}/staff-grants/{{actorId}}", _ => new($"{Own}/staff-grants/{MatrixContext.GrantTarget}"), Map((Administrator, 200))),
        Row($"DELETE {M}/staff-grants/{{actorId}}", _ => new($"{Own}/staff-grants/{MatrixContext.GrantTarget}") { Prepare = c => c.EnsureTargetGrantAsync() }, Map((Administrator, 200))),
        Row($"GET {M}/audit-entries", _ => new($"{Own}/audit-entries"), Map((Administrator, 200))),
        Row($"POST {M}/audit-verification", _ => new($"{Own}/audit-verification"), Map((Administrator, 200))),

        // Export and statistics.
        Row($"GET {M}/vaccination-records.csv", _ => new($"{Own}/vaccination-records.csv"), Staffs(200)),
        Row($"POST {M}/statistics/refresh", _ => new($"{Own}/statistics/refresh"), Map((Administrator, 200))),
        Row("GET /api/statistics/doses", _ => new($"api/statistics/doses?municipality={MatrixContext.Own}"), Map((Prefecture, 200), (National, 200))) with
        {
            // Statistics are not bound to a municipality's route: the "other" prefecture (Tokyo) does not see 012041,
            // and a national caller has no other tenant.
            Overrides = new Dictionary<(CallerKind, TenantRelation), int> { [(Prefecture, TenantRelation.Other)] = 404, [(National, TenantRelation.Other)] = 200 },
        },
    ];

    private static EndpointRow Row(string operation, Func<MatrixContext, MatrixRequest> request, IReadOnlyDictionary<CallerKind, int> permitted) =>
        new(operation, request, permitted);

    private static EndpointRow PublicRow(string operation, Func<MatrixContext, MatrixRequest> request, int status) =>
        new(operation, request, new Dictionary<CallerKind, int> { [Anonymous] = status }, Public: true);

    /// <summary>Municipal staff (with a grant) and administrators.</summary>
    private static Dictionary<CallerKind, int> Staffs(int status) => Map((Staff, status), (Administrator, status));

    private static Dictionary<CallerKind, int> Map(params (CallerKind Caller, int Status)[] cells) => cells.ToDictionary(c => c.Caller, c => c.Status);

    /// <summary>A webhook body signed with the own tenant's secret, as VRS signs it.</summary>
    private static MatrixRequest Signed(string path, string json, MatrixContext context)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>
        {
            [WebhookSignature.TimestampHeader] = timestamp,
            [WebhookSignature.SignatureHeader] = WebhookSignature.Sign(context.WebhookSecret, timestamp, Encoding.UTF8.GetBytes(json)),
        };
        return new MatrixRequest(path, Headers: headers, RawBody: json);
    }
}
