using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Vaccination.Api.Http;

/// <summary>
/// Matches a request path against every route of <see cref="ApiRoutes"/>, the same way on both hosts, so that code
/// outside routing (the audit trail) knows which operation a request is and its route values. A route added to
/// <see cref="ApiRoutes"/> is matched without further registration.
/// </summary>
public static class ApiRouteTemplates
{
    private static readonly IReadOnlyList<(string Template, TemplateMatcher Matcher)> Matchers = typeof(ApiRoutes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.Name != nameof(ApiRoutes.Prefix))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Select(t => (Template: t, Parsed: TemplateParser.Parse(t)))
        .OrderBy(t => t.Parsed.Parameters.Count)
        .Select(t => (t.Template, new TemplateMatcher(t.Parsed, new RouteValueDictionary())))
        .ToList();

    /// <summary>The route template the path matches (relative to "/api") and its values, or null when none does.</summary>
    public static (string Template, RouteValueDictionary Values)? Match(PathString path)
    {
        if (!path.StartsWithSegments("/" + ApiRoutes.Prefix, out var remaining))
        {
            return null;
        }

        foreach (var (template, matcher) in Matchers)
        {
            var values = new RouteValueDictionary();
            if (matcher.TryMatch(remaining, values))
            {
                return (template, values);
            }
        }

        return null;
    }
}
