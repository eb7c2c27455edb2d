using System.Globalization;

namespace Vaccination.IntegrationTests.Ingestion;

/// <summary>Event bodies for the webhook tests; every call makes its own ids so tests never share a subject.</summary>
public static class VrsEvents
{
    private static int _counter = Random.Shared.Next(1_000_000, 9_000_000);

    public static string NewSubjectId() => "W-" + Guid.NewGuid().ToString("N")[..12];

    public static string NewEventId() => "evt-" + Guid.NewGuid().ToString("N");

    /// <summary>A fresh 10-digit ticket number.</summary>
    public static string NewTicket() => "7" + Interlocked.Increment(ref _counter).ToString("D9", CultureInfo.InvariantCulture);

    /// <summary>A fresh valid My Number.</summary>
    public static string NewMyNumber() => Vaccination.IntegrationTests.Environment.TestData.MyNumberFor(Interlocked.Increment(ref _counter));

    public static object Registered(string subjectId, string ticket, string? myNumber = null, string? eventId = null) => new
    {
        eventId = eventId ?? NewEventId(),
        type = "subject.registered",
        municipalityCode = "012041",
        subjectId,
        subject = new { myNumber = myNumber ?? NewMyNumber(), name = "旭川 太郎", birthDate = "1960-04-01", sex = "Male", tickets = new[] { ticket } },
    };

    public static object Dose(string subjectId, int doseNumber, string date, string? eventId = null, string lot = "FA5765", string? reason = null) => new
    {
        eventId = eventId ?? NewEventId(),
        type = "dose.recorded",
        subjectId,
        dose = Payload(doseNumber, date, lot, reason),
    };

    public static object DoseByTicket(string ticket, int doseNumber, string date, string? eventId = null) => new
    {
        eventId = eventId ?? NewEventId(),
        type = "dose.recorded",
        ticketNumber = ticket,
        dose = Payload(doseNumber, date, "FA5765", null),
    };

    public static object Payload(int doseNumber, string date, string lot, string? reason) => new
    {
        doseNumber,
        date,
        manufacturer = "ファイザー",
        product = "Comirnaty",
        vaccineType = "mRNA",
        lotNumber = lot,
        siteName = "Asahikawa Central Clinic",
        physicianName = "Dr. Sato",
        previousDoseMissingReason = reason,
    };
}
