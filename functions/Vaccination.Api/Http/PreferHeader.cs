using Microsoft.AspNetCore.Http;

namespace Vaccination.Api.Http;

/// <summary>The "Prefer" request header of RFC 7240, for its one preference the API honours: respond-async.</summary>
public static class PreferHeader
{
    public const string Name = "Prefer";
    public const string AppliedName = "Preference-Applied";
    public const string RespondAsyncToken = "respond-async";

    /// <summary>True when any Prefer header lists respond-async (preferences are comma-separated, case-insensitive, may carry parameters).</summary>
    public static bool RespondAsync(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return headers[Name]
            .SelectMany(value => (value ?? string.Empty).Split(','))
            .Select(preference => preference.Split(';', 2)[0].Split('=', 2)[0].Trim())
            .Any(token => token.Equals(RespondAsyncToken, StringComparison.OrdinalIgnoreCase));
    }
}
