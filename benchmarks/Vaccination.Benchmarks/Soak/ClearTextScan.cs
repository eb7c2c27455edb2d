using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Vaccination.Benchmarks.Soak;

/// <summary>
/// Looks for personal values in clear where they must never be: every row of every table with the prefix (keys and
/// values), every queue with the prefix (up to 32 messages each, the most a peek returns, read both as stored and
/// Base64-decoded) and the captured log lines. Returns each hit as "where: value". Personal values are a few texts
/// (names, birth dates in their renderings) searched as substrings, and any number of My Numbers, found as any
/// 12-digit window of a run of digits.
/// </summary>
internal static class ClearTextScan
{
    public static async Task<ScanResult> RunAsync(
        string connectionString, string prefix, IEnumerable<string> logs, IReadOnlyCollection<string> texts, IReadOnlySet<string> myNumbers)
    {
        var personalValues = new PersonalValues(texts, myNumbers);
        var hits = new List<string>();
        var rows = 0;
        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(prefix) >= 0))
        {
            if (!table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows++;
                foreach (var property in row)
                {
                    var text = $"{property.Key}={property.Value}";
                    hits.AddRange(Find(text, personalValues).Select(v => $"table {table.Name}/{row.PartitionKey}/{row.RowKey}/{property.Key}: {v}"));
                }
            }
        }

        var messages = 0;
        var queues = new QueueServiceClient(connectionString);
        await foreach (var queue in queues.GetQueuesAsync(prefix: prefix.ToLowerInvariant()))
        {
            var peeked = await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32);
            foreach (var message in peeked.Value)
            {
                messages++;
                var raw = message.Body.ToString();
                hits.AddRange(Find(raw, personalValues).Concat(Find(Decoded(raw), personalValues)).Select(v => $"queue {queue.Name}/{message.MessageId}: {v}"));
            }
        }

        var lines = 0;
        foreach (var line in logs)
        {
            lines++;
            hits.AddRange(Find(line, personalValues).Select(v => $"log line {lines}: {v}"));
        }

        return new ScanResult(rows, messages, lines, hits);
    }

    private static IEnumerable<string> Find(string text, PersonalValues values)
    {
        foreach (var value in values.Texts)
        {
            if (text.Contains(value, StringComparison.Ordinal))
            {
                yield return value;
            }
        }

        for (var i = 0; i < text.Length;)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            for (var start = i; start + 12 <= end; start++)
            {
                var window = text.Substring(start, 12);
                if (values.MyNumbers.Contains(window))
                {
                    yield return "My Number " + window[..4] + "********";
                }
            }

            i = end;
        }
    }

    private sealed record PersonalValues(IReadOnlyCollection<string> Texts, IReadOnlySet<string> MyNumbers);

    private static string Decoded(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : string.Empty;
    }
}

/// <summary>What a scan read and every personal value it found in clear.</summary>
internal sealed record ScanResult(int Rows, int Messages, int LogLines, IReadOnlyList<string> Hits);
