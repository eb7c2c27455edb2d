using Moq;
using Vaccination.Application.Exchange;
using Vaccination.Application.Subjects;
using Vaccination.Domain.Exchange;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;
using static Vaccination.UnitTests.Exchange.ExchangeFixture;

namespace Vaccination.UnitTests.Exchange;

/// <summary>
/// The checks before an inquiry leaves (S9, S22): the person must be ours, matched to the number given, and the former
/// municipality one the exchange reaches; a mistyped number must not fetch someone else's records.
/// </summary>
public sealed class InquiryRequestValidatorTests
{
    private const string HeldNumber = "123456789018";
    private const string OtherNumber = "100000000013";
    private readonly Mock<ISubjectStore> _subjects = new();
    private readonly InquiryRequestValidator _validator;

    public InquiryRequestValidatorTests()
    {
        _validator = new InquiryRequestValidator(new TenantRegistry([Sapporo, Asahikawa]), _subjects.Object);
        _subjects.Setup(s => s.GetAsync(Sapporo, SubjectId.TryCreate("A-1").Value, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new VaccinationSubject(SubjectId.TryCreate("A-1").Value, MyNumber.TryCreate(HeldNumber).Value, "転入 花子",
                new DateOnly(1980, 1, 2), Sex.Female, [], SubjectFlags.None));
    }

    [Fact]
    public async Task PersonWithTheNumberHeld_IsAccepted() =>
        Assert.True((await ValidateAsync(Request())).IsSuccess);

    [Fact]
    public async Task PersonNotRegisteredHere_IsRefused() =>
        Assert.Equal(("inquiry.subject_unknown", "subjectId"), Only(await ValidateAsync(Request() with { SubjectId = "A-404" })));

    [Fact]
    public async Task NumberOtherThanTheOneHeld_IsRefused_SoAMistypedNumberFetchesNobodyElsesRecords() =>
        Assert.Equal(("inquiry.my_number_mismatch", "myNumber"), Only(await ValidateAsync(Request() with { MyNumber = OtherNumber })));

    [Theory]
    [InlineData("011002")]
    [InlineData("131016")]
    public async Task OwnOrUnservedFormerMunicipality_IsUnreachable(string former) =>
        Assert.Equal(("exchange.recipient_unreachable", "formerMunicipality"), Only(await ValidateAsync(Request() with { FormerMunicipality = former })));

    [Fact]
    public async Task ConsentBasisWithoutConsent_IsRefusedBeforeTheSubjectIsRead()
    {
        var result = await ValidateAsync(Request() with { ConsentReference = " " });

        Assert.Equal(("consent_reference.required", "consentReference"), Only(result));
        _subjects.Verify(s => s.GetAsync(It.IsAny<Tenant>(), It.IsAny<SubjectId>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private static InquiryRequest Request() =>
        new("A-1", HeldNumber, Asahikawa.Code.Value, LegalBases.MyNumberActArticle19Item16.Code, "CONSENT-2026-001");

    private Task<Domain.Results.Result<ValidInquiry>> ValidateAsync(InquiryRequest request) => _validator.ValidateAsync(Sapporo, request, string.Empty, default);

    private static (string Code, string? Field) Only(Domain.Results.Result<ValidInquiry> result)
    {
        var error = Assert.Single(result.Errors);
        return (error.Code, error.Field);
    }
}
