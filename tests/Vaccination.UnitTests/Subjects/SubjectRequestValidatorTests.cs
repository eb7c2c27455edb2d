using Microsoft.Extensions.Time.Testing;
using Vaccination.Application.Subjects;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;

namespace Vaccination.UnitTests.Subjects;

public class SubjectRequestValidatorTests
{
    private static readonly SubjectRequestValidator Validator = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)));
    private static readonly SubjectId Id = SubjectId.TryCreate("A-1").Value;

    [Fact]
    public void ToSubject_ValidRequest_BuildsSubject()
    {
        var request = new SubjectRegistrationRequest("123456789018", "山田 太郎", new DateOnly(1980, 4, 1), "Male", ["1234567890"]);

        var subject = Validator.ToSubject(Id, request, SubjectFlags.None);

        Assert.True(subject.IsSuccess);
        Assert.Equal(Sex.Male, subject.Value.Sex);
        Assert.Equal("1234567890", Assert.Single(subject.Value.Tickets).Value);
    }

    [Fact]
    public void ToSubject_SeveralBadFields_ReportsEveryOne()
    {
        var request = new SubjectRegistrationRequest("123456789010", "", new DateOnly(2030, 1, 1), "Robot", ["12345", "1234567890"]);

        var subject = Validator.ToSubject(Id, request, SubjectFlags.None);

        Assert.Equal(
            ["my_number.check_digit", "name.required", "date.future", "sex.invalid", "ticket_number.format"],
            subject.Errors.Select(e => e.Code).ToArray());
        Assert.Equal("tickets[0]", subject.Errors[^1].Field);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("5")]
    public void ToSubject_NumericSex_IsRefused(string sex)
    {
        var request = new SubjectRegistrationRequest(null, "A", new DateOnly(1980, 4, 1), sex, []);

        Assert.Contains(Validator.ToSubject(Id, request, SubjectFlags.None).Errors, e => e.Code == "sex.invalid");
    }
}
