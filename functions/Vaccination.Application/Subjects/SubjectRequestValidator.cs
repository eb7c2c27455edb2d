using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Results;
using Vaccination.Domain.Subjects;
using static Vaccination.Application.Validation.FieldChecks;

namespace Vaccination.Application.Subjects;

/// <summary>Turns raw requests into domain records, collecting every field error rather than stopping at the first.</summary>
public sealed class SubjectRequestValidator(TimeProvider clock)
{
    private const int MaxNameLength = 100;

    public Result<VaccinationSubject> ToSubject(SubjectId id, SubjectRegistrationRequest request, SubjectFlags flags)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<Error>();

        MyNumber? myNumber = null;
        if (request.MyNumber is not null)
        {
            myNumber = Collect(MyNumber.TryCreate(request.MyNumber), errors);
        }

        var name = RequireText(request.Name, "name", MaxNameLength, errors);
        var birthDate = request.BirthDate is { } date
            ? Collect(PastDate.TryCreate(date, clock, "birthDate", new DateOnly(1890, 1, 1)), errors)
            : Missing<DateOnly>("birthDate", "birthDate", errors);
        var sex = ParseSex(request.Sex, "sex", errors);
        var tickets = (request.Tickets ?? [])
            .Select((ticket, index) => Collect(TicketNumber.TryCreate(ticket, $"tickets[{index}]"), errors))
            .ToList();

        return errors.Count > 0
            ? Result<VaccinationSubject>.Failure(errors)
            : new VaccinationSubject(id, myNumber, name!, birthDate, sex, tickets, flags) { Version = request.Version };
    }

    private static string? RequireText(string? value, string field, int maxLength, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(Error.Validation($"{field}.required", $"{field} is required.", field));
            return null;
        }

        if (value.Length > maxLength || value.Any(char.IsControl))
        {
            errors.Add(Error.Validation($"{field}.format", $"{field} is at most {maxLength} characters without control characters.", field));
            return null;
        }

        return value;
    }
}
