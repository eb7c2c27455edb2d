using Vaccination.Domain.Results;

namespace Vaccination.Domain.Exchange;

/// <summary>
/// The maintained allow-list of legal bases for inter-municipality inquiries (S19). Anything not listed here is refused
/// before it leaves the inquiring municipality. Changing the list is a code change, so it is reviewed like one.
/// </summary>
public static class LegalBases
{
    /// <summary>番号法第19条第16号: protection of life and health with the person's consent (the VRS inquiry of a newcomer).</summary>
    public static readonly LegalBasis MyNumberActArticle19Item16 =
        new("mynumber-act-19-16", "My Number Act art. 19(16) (VRS inquiry with the person's consent)", RequiresConsent: true);

    /// <summary>番号法第19条第8号 別表第二 16の2: records of routine vaccination.</summary>
    public static readonly LegalBasis MyNumberActArticle19Item8Table2Item16Of2 =
        new("mynumber-act-19-8-t2-16-2", "My Number Act art. 19(8), table 2 item 16-2", RequiresConsent: false);

    /// <summary>番号法第19条第8号 別表第二 16の3: records of temporary (COVID-19) vaccination.</summary>
    public static readonly LegalBasis MyNumberActArticle19Item8Table2Item16Of3 =
        new("mynumber-act-19-8-t2-16-3", "My Number Act art. 19(8), table 2 item 16-3", RequiresConsent: false);

    public static IReadOnlyList<LegalBasis> All { get; } =
        [MyNumberActArticle19Item16, MyNumberActArticle19Item8Table2Item16Of2, MyNumberActArticle19Item8Table2Item16Of3];

    public static LegalBasis? Find(string? code) => All.FirstOrDefault(basis => string.Equals(basis.Code, code, StringComparison.Ordinal));

    public static Result<LegalBasis> TryCreate(string? code, string field = "legalBasis") =>
        Find(code) is { } basis
            ? basis
            : Error.Validation("legal_basis.not_allowed", "The legal basis is not on the allow-list; the inquiry was not sent.", field);
}
