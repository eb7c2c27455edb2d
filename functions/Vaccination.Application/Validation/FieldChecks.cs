using Vaccination.Domain.Results;
using Vaccination.Domain.Subjects;

namespace Vaccination.Application.Validation;

/// <summary>
/// The field checks the request validators share (subjects, events, doses, inquiries): they collect every error
/// instead of stopping at the first.
/// </summary>
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

    /// <summary>One of the <see cref="Sex"/> names, in any case; a number is not accepted.</summary>
    public static Sex ParseSex(string? value, string field, List<Error> errors)
    {
        if (Enum.TryParse<Sex>(value, ignoreCase: true, out var sex) && Enum.IsDefined(sex) && !int.TryParse(value, out _))
        {
            return sex;
        }

        errors.Add(Error.Validation("sex.invalid", "Sex is one of NotKnown, Male, Female, NotApplicable.", field));
        return default;
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
