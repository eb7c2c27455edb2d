using System.Security.Cryptography;
using System.Text.Json;

namespace Vaccination.Infrastructure.Keys;

/// <summary>
/// Local key material for development: a key-encryption key, an ES256 signing key and a token-signing key, made on
/// first run and kept in a git-ignored file readable only by its owner. Refused when the environment is Production
/// (see <see cref="KeysOptions"/>).
/// </summary>
public sealed class DevelopmentKeyFile
{
    private DevelopmentKeyFile(Contents contents) => Keys = contents;

    internal Contents Keys { get; }

    public byte[] KeyEncryptionKey => Convert.FromBase64String(Keys.KeyEncryptionKey);

    public byte[] TokenSigningKey => Convert.FromBase64String(Keys.TokenSigningKey);

    public ECDsa CreateSigningKey()
    {
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(Keys.SigningKeyPkcs8), out _);
        return key;
    }

    /// <summary>Reads the file, creating it (and its folder) with fresh random keys when it does not exist.</summary>
    public static DevelopmentKeyFile LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using var signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var created = new Contents(
                Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                Convert.ToBase64String(signingKey.ExportPkcs8PrivateKey()),
                Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                DateTimeOffset.UtcNow);
            WriteOwnerOnly(path, JsonSerializer.Serialize(created));
        }

        return new DevelopmentKeyFile(JsonSerializer.Deserialize<Contents>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"The development key file {path} is empty."));
    }

    private static void WriteOwnerOnly(string path, string json)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(json);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; use that one.
        }
    }

    internal sealed record Contents(string KeyEncryptionKey, string SigningKeyPkcs8, string TokenSigningKey, DateTimeOffset CreatedAt);
}
