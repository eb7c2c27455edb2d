namespace Vaccination.Application.Statistics;

/// <summary>What statistics need of one dose: the person's birth date (decrypted in the batch job only), the dose number and date.</summary>
public sealed record DoseFact(DateOnly BirthDate, int DoseNumber, DateOnly Date);
