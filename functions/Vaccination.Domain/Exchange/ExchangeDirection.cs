namespace Vaccination.Domain.Exchange;

/// <summary>Which side of an exchange a record describes, from the owning municipality's point of view.</summary>
public enum ExchangeDirection
{
    /// <summary>This municipality asked another one (it is A).</summary>
    Inquiry,

    /// <summary>Another municipality asked this one (it is B).</summary>
    Provision,
}
