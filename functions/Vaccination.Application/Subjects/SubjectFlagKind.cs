namespace Vaccination.Application.Subjects;

/// <summary>The subject flags staff set and release themselves (the others come from VRS: move-out, death).</summary>
public enum SubjectFlagKind
{
    /// <summary>The confirmed-record lock: later webhook changes are refused with 409 and kept for review (issue 3).</summary>
    Confirmed,

    /// <summary>Suspension of use at the person's request (S21): no certificate, no provision.</summary>
    Suspended,

    /// <summary>
    /// 自動応答不可 (S19): a person needing particular care, such as a DV victim. Provisions to other municipalities
    /// wait for a staff member's review and certificates are issued at the counter only, never by app or kiosk.
    /// </summary>
    AutoResponseDisabled,
}
