using System.Security.Cryptography;
using System.Text;

namespace Vartio.Data;

/// <summary>
/// Encrypts the secrets Vartio must be able to read back (webhook signing keys, the data-protection keys that
/// sign cookies) with AES-256-GCM under one key that is not in the database, so a copy of the database or a
/// dump of it alone does not give them away. A stored value is <c>aesgcm1:</c> followed by the base64 of the
/// 12-byte nonce, the 16-byte tag and the ciphertext; a value without that prefix is a secret stored before
/// encryption and is read as it is (<see cref="IsProtected"/>).
/// </summary>
public sealed class SecretCipher
{
    public const string Prefix = "aesgcm1:";

    /// <summary>The configuration key that holds the base64 of 32 random bytes (environment: <c>Secrets__Key</c>).</summary>
    public const string ConfigurationKey = "Secrets:Key";

    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Lazy<byte[]> key;

    public SecretCipher(byte[] key)
        : this(new Lazy<byte[]>(Checked(key)))
    {
    }

    private SecretCipher(Lazy<byte[]> key) => this.key = key;

    /// <summary>Where the key came from, for the operator: the configuration or a key file's path.</summary>
    public string Source { get; private init; } = "configuration";

    /// <summary>
    /// The key for a database: <c>Secrets:Key</c> when configured; otherwise, for an SQLite file, a key file
    /// beside it (<c>vartio.db.key</c>, created on first use, readable by its owner only); for PostgreSQL no key
    /// can be made up, so none configured is an error.
    /// </summary>
    public static SecretCipher For(string? configuredKey, DatabaseSettings database)
    {
        if (!string.IsNullOrWhiteSpace(configuredKey))
        {
            return new SecretCipher(Decode(configuredKey, ConfigurationKey));
        }

        if (database.Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                $"PostgreSQL needs a secrets key: set {ConfigurationKey} (environment variable Secrets__Key) to the base64 of 32 random bytes, for example the output of 'openssl rand -base64 32'.");
        }

        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
        {
            // Nothing outlives the process: a key of its own is enough.
            return new SecretCipher(RandomNumberGenerator.GetBytes(32)) { Source = "memory" };
        }

        var path = Path.GetFullPath(file) + ".key";
        return new SecretCipher(new Lazy<byte[]>(() => LoadOrCreateKeyFile(path))) { Source = path };
    }

    public static bool IsProtected(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    public string Protect(string secret)
    {
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Value, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The secret; a value stored before encryption is returned unchanged.</summary>
    /// <exception cref="CryptographicException">The value was encrypted under another key, or altered.</exception>
    public string Unprotect(string stored)
    {
        if (!IsProtected(stored))
        {
            return stored;
        }

        var sealedBytes = Convert.FromBase64String(stored[Prefix.Length..]);
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The stored secret is too short to be an encrypted value.");
        }

        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key.Value, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    private static Func<byte[]> Checked(byte[] key) =>
        key.Length == 32 ? () => key : throw new ArgumentException("The secrets key must be 32 bytes (AES-256).", nameof(key));

    private static byte[] Decode(string text, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{source} is not base64: give the base64 of 32 random bytes ('openssl rand -base64 32').");
        }

        return key.Length == 32
            ? key
            : throw new InvalidOperationException($"{source} holds {key.Length} bytes; it must hold 32 ('openssl rand -base64 32').");
    }

    private static byte[] LoadOrCreateKeyFile(string path)
    {
        if (File.Exists(path))
        {
            return Decode(File.ReadAllText(path), path);
        }

        var key = RandomNumberGenerator.GetBytes(32);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var writer = new StreamWriter(path, Encoding.ASCII, options);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first: use theirs.
            return Decode(File.ReadAllText(path), path);
        }

        return key;
    }
}
