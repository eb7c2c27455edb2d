namespace Vaccination.Domain.Exchange;

/// <summary>What the former municipality did with an inquiry.</summary>
public enum ProvisionOutcome
{
    Provided,
    NotFound,
    Refused,
    HeldForReview,
}
