using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Vartio.Data.Entities;

namespace Vartio.Users;

/// <summary>
/// A password hash of no account, checked when a sign-in names no usable account (unknown, disabled or
/// locked), so that answer costs the same hashing as a wrong password for a real one and its timing does
/// not tell which names exist.
/// </summary>
public sealed class DecoyPassword(IPasswordHasher<VartioUser> hasher)
{
    private readonly VartioUser nobody = new() { UserName = "" };
    private readonly Lazy<string> hash = new(() => hasher.HashPassword(new VartioUser { UserName = "" }, RandomNumberGenerator.GetHexString(32)));

    /// <summary>Verifies <paramref name="password"/> against the decoy hash; it never matches.</summary>
    public void Check(string password) => hasher.VerifyHashedPassword(nobody, hash.Value, password);
}
