using Vaccination.Domain.Results;

namespace Vaccination.Application.Ingestion;

/// <summary>The field checks the event and dose validators share: they collect every error instead of stopping at the first.</summary>
internal static class FieldChecks
{
    public const int MaxTextLength = 100;

    /// <summary>A trimmed text of at most <see cref="MaxTextLength"/> characters without control characters; null when absent or wrong.</summary>
    public static string? Text(string? value, string code, string field, bool required, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(Error.Validation(code + ".required", $"{field} is required.", field));
            }

            return null;
        }

        if (value.Length > MaxTextLength || value.Any(char.IsControl))
        {
            errors.Add(Error.Validation(code + ".format", $"{field} is at most {MaxTextLength} characters without control characters.", field));
            return null;
        }

        return value.Trim();
    }

    public static T Missing<T>(string code, string field, List<Error> errors)
    {
        errors.Add(Error.Validation(code + ".required", $"{field} is required.", field));
        return default!;
    }

    public static T Collect<T>(Result<T> result, List<Error> errors)
    {
        if (result.IsSuccess)
        {
            return result.Value;
        }

        errors.AddRange(result.Errors);
        return default!;
    }
}
