namespace Vaccination.Domain.Subjects;

/// <summary>Sex as in ISO/IEC 5218 (D5).</summary>
public enum Sex
{
    NotKnown = 0,
    Male = 1,
    Female = 2,
    NotApplicable = 9,
}
