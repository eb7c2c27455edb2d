using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Vaccination.ReliabilityTests.Fuzzing;

/// <summary>
/// The fuzzing inputs of one parser: the seed files kept in Corpora/{name}/ (regressions/ holds inputs that once broke
/// a parser and are replayed on every run), and an FsCheck generator that mutates them as a byte-level fuzzer would:
/// bit flips, inserted and deleted ranges, duplicated ranges, splices of two seeds, and tokens that stress parsers
/// (quotes, brackets, escapes, invalid UTF-8, long digit runs). RELIABILITY_FUZZ_RUNS sets the number of cases per
/// property (default 300 in CI; docs/reliability.md names the longer run).
/// </summary>
internal static class Corpus
{
    private static readonly byte[][] Tokens =
    [
        "\""u8.ToArray(), "\\"u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), ","u8.ToArray(), ":"u8.ToArray(),
        "\r\n"u8.ToArray(), "\n"u8.ToArray(), "null"u8.ToArray(), "1e309"u8.ToArray(), "-0"u8.ToArray(), "\\u0000"u8.ToArray(), "\\ud800"u8.ToArray(),
        [0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0x00], "\uFEFF"u8.ToArray(), "999999999999"u8.ToArray(), "123456789018"u8.ToArray(),
        Encoding.UTF8.GetBytes(new string('[', 64)), Encoding.UTF8.GetBytes(new string('9', 400)), "shc:/"u8.ToArray(), "==="u8.ToArray(),
    ];

    public static int Runs =>
        int.TryParse(System.Environment.GetEnvironmentVariable("RELIABILITY_FUZZ_RUNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var runs) ? runs : 300;

    public static Config Config => Config.QuickThrowOnFailure.WithMaxTest(Runs).WithQuietOnSuccess(true);

    public static IReadOnlyList<byte[]> Seeds(string name) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpora", name), "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();

    /// <summary>Mutated seeds (and, one time in ten, the seeds themselves).</summary>
    public static Arbitrary<byte[]> Mutations(string name)
    {
        var seeds = Seeds(name);
        var seed = Gen.Elements(seeds.ToArray());
        var mutated = from original in seed
                      from other in seed
                      from count in Gen.Choose(1, 6)
                      from salt in Gen.Choose(0, int.MaxValue)
                      select Mutate(original, other, count, new Random(salt));
        return Gen.Frequency((1, seed), (9, mutated)).ToArbitrary();
    }

    /// <summary>Runs the property on every seed (regressions included), then on <see cref="Runs"/> FsCheck mutations of them.</summary>
    public static void Check(string name, Action<byte[]> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        foreach (var seed in Seeds(name))
        {
            property(seed);
        }

        FsCheck.Check.One(Config, Prop.ForAll(Mutations(name), property));
    }

    /// <summary>Runs one parse with a time bound, so a hang fails the property rather than the whole run.</summary>
    public static void WithinTimeBound(Action parse, TimeSpan? bound = null)
    {
        var task = Task.Run(parse);
        if (!task.Wait(bound ?? TimeSpan.FromSeconds(5)))
        {
            throw new TimeoutException($"The parser did not finish within {(bound ?? TimeSpan.FromSeconds(5)).TotalSeconds} s.");
        }

        task.GetAwaiter().GetResult();
    }

    public static string Show(byte[] input) => Convert.ToBase64String(input);

    private static byte[] Mutate(byte[] original, byte[] other, int count, Random random)
    {
        var data = new List<byte>(original);
        for (var i = 0; i < count; i++)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count);
            switch (random.Next(7))
            {
                case 0 when data.Count > 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    data.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 2 when data.Count > 0:
                    data.RemoveRange(at, Math.Min(data.Count - at, random.Next(1, 16)));
                    break;
                case 3 when data.Count > 0:
                    var length = Math.Min(data.Count - at, random.Next(1, 64));
                    data.InsertRange(random.Next(data.Count), data.GetRange(at, length));
                    break;
                case 4 when other.Length > 0:
                    var from = random.Next(other.Length);
                    data = [.. data.Take(at), .. other.Skip(from)];
                    break;
                case 5 when data.Count > 0:
                    data[at] = (byte)random.Next(256);
                    break;
                default:
                    data.Insert(at, (byte)random.Next(32, 127));
                    break;
            }
        }

        return [.. data];
    }
}
