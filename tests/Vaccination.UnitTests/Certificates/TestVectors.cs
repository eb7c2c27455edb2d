namespace Vaccination.UnitTests.Certificates;

/// <summary>Reads the specification vectors in Certificates/Vectors, found by walking up from the test output folder.</summary>
internal static class TestVectors
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Vaccination.UnitTests", "Certificates", "Vectors");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Vaccination.UnitTests/Certificates/Vectors was not found above the test output folder.");
    });

    public static string Text(string name) => File.ReadAllText(Path.Combine(Folder.Value, name)).TrimEnd('\n', '\r');

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Folder.Value, name));
}
