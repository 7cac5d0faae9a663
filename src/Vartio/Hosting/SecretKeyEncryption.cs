using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vartio.Data;

namespace Vartio.Hosting;

/// <summary>
/// The data-protection keys (which sign sign-in cookies and anti-forgery tokens) are stored in the database
/// encrypted with the secrets key (<see cref="SecretCipher"/>), as are webhook signing keys.
/// </summary>
public static class SecretKeyEncryption
{
    public static IServiceCollection AddSecretEncryption(this IServiceCollection services, IConfiguration configuration, DatabaseSettings database)
    {
        // Resolved now, so that a PostgreSQL server without a key refuses to start rather than fail later.
        var cipher = SecretCipher.For(configuration[SecretCipher.ConfigurationKey], database);
        services.AddSingleton(cipher);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlEncryptor = new SecretXmlEncryptor(sp.GetRequiredService<SecretCipher>())));
        return services;
    }

    /// <summary>Encrypts webhook secrets stored before encryption existed; run once per start, before serving.</summary>
    public static async Task EncryptStoredSecretsAsync(VartioDbContext db, SecretCipher cipher, CancellationToken cancellationToken)
    {
        var plain = await db.WebhookSubscriptions.Where(s => !s.Secret.StartsWith(SecretCipher.Prefix)).ToListAsync(cancellationToken);
        foreach (var subscription in plain)
        {
            subscription.Secret = cipher.Protect(subscription.Secret);
        }

        if (plain.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

/// <summary>Encrypts a data-protection key's XML before it is stored.</summary>
public sealed class SecretXmlEncryptor(SecretCipher cipher) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var element = new XElement("encryptedKey",
            new XComment(" AES-256-GCM under the secrets key (Secrets:Key or the key file) "),
            new XElement("value", cipher.Protect(plaintextElement.ToString(SaveOptions.DisableFormatting))));
        return new EncryptedXmlInfo(element, typeof(SecretXmlDecryptor));
    }
}

/// <summary>Decrypts what <see cref="SecretXmlEncryptor"/> stored; made by the data-protection system by type.</summary>
public sealed class SecretXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse(services.GetRequiredService<SecretCipher>().Unprotect((string?)encryptedElement.Element("value") ?? ""));
}
