using Vaccination.Domain.Exchange;

namespace Vaccination.Application.Exchange;

/// <summary>The encrypted part of a response: the outcome and, when provided, the person's doses.</summary>
public sealed record ResponsePayload(ProvisionOutcome Outcome, IReadOnlyList<ExchangedDose> Doses);
