using Azure;
using Moq;
using Vaccination.Application.Subjects;
using Vaccination.Domain.Identifiers;
using Vaccination.Domain.Subjects;
using Vaccination.Domain.Tenants;
using Vaccination.Infrastructure.Ingestion;
using Vaccination.Infrastructure.Storage;
using static Vaccination.UnitTests.Ingestion.IngestionTestData;

namespace Vaccination.UnitTests.Ingestion;

public class TableImportDoseWriterTests
{
    private static DoseRecord DoseOf(string subject, int number) =>
        StoredDose(number, "2021-06-01") with { SubjectId = SubjectId.TryCreate(subject).Value };

    private static List<IReadOnlyList<DoseRecord>> Lines(int count, int dosesPerLine) =>
        Enumerable.Range(0, count)
            .Select(i => (IReadOnlyList<DoseRecord>)Enumerable.Range(1, dosesPerLine).Select(d => DoseOf($"S-{i}", d)).ToList())
            .ToList();

    [Fact]
    public async Task WriteAsync_ManyLines_NoTransactionSplitsALineOrSpansPartitionsOrExceeds100()
    {
        var calls = new List<IReadOnlyList<DoseRecord>>();
        var store = new Mock<ISubjectStore>();
        store.Setup(s => s.SaveDosesAsync(It.IsAny<Tenant>(), It.IsAny<IReadOnlyList<DoseRecord>>(), It.IsAny<CancellationToken>()))
            .Callback<Tenant, IReadOnlyList<DoseRecord>, CancellationToken>((_, doses, _) => { lock (calls) { calls.Add(doses); } })
            .ReturnsAsync([]);
        var lines = Lines(600, 3);

        var failed = await new TableImportDoseWriter(store.Object).WriteAsync(Asahikawa, lines);

        Assert.Empty(failed);
        Assert.Equal(1_800, calls.Sum(c => c.Count));
        Assert.All(calls, call =>
        {
            Assert.InRange(call.Count, 1, TableBatch.MaxSize);
            Assert.Single(call.Select(d => PartitionKeys.ForSubject(Asahikawa, d.SubjectId)).Distinct());
            Assert.All(call.GroupBy(d => d.SubjectId), line => Assert.Equal(3, line.Count()));
        });
    }

    [Fact]
    public async Task WriteAsync_FailedTransaction_RetriesLineByLine_AndReportsOnlyTheFailingLine()
    {
        var store = new Mock<ISubjectStore>();
        store.Setup(s => s.SaveDosesAsync(It.IsAny<Tenant>(), It.IsAny<IReadOnlyList<DoseRecord>>(), It.IsAny<CancellationToken>()))
            .Returns<Tenant, IReadOnlyList<DoseRecord>, CancellationToken>((_, doses, _) =>
                doses.Any(d => d.SubjectId.Value == "S-7")
                    ? throw new Azure.Data.Tables.TableTransactionFailedException(new RequestFailedException(400, "bad entity"))
                    : Task.FromResult<IReadOnlyList<SubjectId>>([]));
        var lines = Lines(40, 2);

        var failed = await new TableImportDoseWriter(store.Object).WriteAsync(Asahikawa, lines);

        Assert.Equal([7], failed);
    }
}
