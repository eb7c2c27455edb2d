using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Vaccination.Api.Http;
using Vaccination.Application.Audit;
using Vaccination.Application.Callers;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Tenants;

namespace Vaccination.Api.Audit;

/// <summary>
/// Audits every authenticated request that names a served municipality, from <see cref="Authentication.CallerAuthenticator"/>,
/// so that no endpoint can forget it: the operation is the matched <see cref="ApiRoutes"/> template, the person is the
/// route's subject id (and any the endpoint adds with <see cref="Concerns"/>), the outcome is the response status.
/// The entry is appended when the response starts, before any of its body is sent; if the append fails, a successful
/// response fails with it, so personal data never leaves without its audit entry. A refusal or an outage answer
/// (4xx, 5xx) carries no personal data: it is sent even when storage is down, so the caller still gets its 503 and retry hint.
/// </summary>
public sealed partial class RequestAudit(AuditTrail trail, TenantRegistry tenants, ILogger<RequestAudit> logger)
{
    private const string MunicipalityRouteValue = "municipalityCode";
    private const string SubjectRouteValue = "subjectId";
    private static readonly object ScopeKey = new();

    public void Begin(HttpRequest request, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        var context = request.HttpContext;
        if (context.Items.ContainsKey(ScopeKey) || ApiRouteTemplates.Match(request.Path) is not { } match
            || tenants.Find(match.Values[MunicipalityRouteValue] as string) is not { } tenant)
        {
            return;
        }

        var scope = new Scope();
        if (match.Values[SubjectRouteValue] is string subjectId && SubjectId.TryCreate(subjectId) is { IsSuccess: true } id)
        {
            scope.Add(id.Value);
        }

        context.Items[ScopeKey] = scope;
        var action = $"{request.Method} {match.Template}";
        var resource = Resource(match.Values);
        var response = context.Response;
        response.OnStarting(() => RecordAsync(tenant, caller, action, scope, resource, response));
    }

    private async Task RecordAsync(Tenant tenant, Caller caller, string action, Scope scope, string? resource, HttpResponse response)
    {
        try
        {
            await trail.RecordAsync(tenant, caller, action, scope.Subjects, resource, response.StatusCode, CancellationToken.None);
        }
        catch (Exception e) when (response.StatusCode >= StatusCodes.Status400BadRequest && e is not OperationCanceledException)
        {
            LogUnrecorded(logger, tenant.Code.Value, action, response.StatusCode, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit entry for {Tenant} {Action} ({Status}) could not be appended ({ExceptionType}); the answer carries no personal data")]
    private static partial void LogUnrecorded(ILogger logger, string tenant, string action, int status, string exceptionType);

    /// <summary>Adds a person the request concerns that its route does not name (for example one found from the body).</summary>
    public static void Concerns(HttpContext context, SubjectId subject)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ScopeKey, out var scope))
        {
            ((Scope)scope!).Add(subject);
        }
    }

    /// <summary>The other route values ("proposalId=..."), only when they look like ids; a 12-digit value is never kept.</summary>
    private static string? Resource(Microsoft.AspNetCore.Routing.RouteValueDictionary values)
    {
        var parts = values
            .Where(v => v.Key is not (MunicipalityRouteValue or SubjectRouteValue) && v.Value is string)
            .Select(v => $"{v.Key}={(SafeId().IsMatch((string)v.Value!) && !TwelveDigits().IsMatch((string)v.Value!) ? v.Value : "(withheld)")}")
            .ToList();
        return parts.Count == 0 ? null : string.Join(';', parts);
    }

    [GeneratedRegex("^[A-Za-z0-9._@:-]{1,64}$")]
    private static partial Regex SafeId();

    [GeneratedRegex("[0-9]{12}")]
    private static partial Regex TwelveDigits();

    private sealed class Scope
    {
        private readonly List<SubjectId> _subjects = [];

        public IReadOnlyList<SubjectId> Subjects
        {
            get
            {
                lock (_subjects)
                {
                    return _subjects.ToList();
                }
            }
        }

        public void Add(SubjectId subject)
        {
            lock (_subjects)
            {
                _subjects.Add(subject);
            }
        }
    }
}
