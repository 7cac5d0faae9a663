using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Hosting;

namespace Vartio.Users;

/// <summary>What is wrong with a request to change an account or a token, naming the field at fault.</summary>
public sealed record AccountProblem(string Field, string Message)
{
    /// <summary>The input is fine but the change cannot be made as things are (no such user, already exists, last administrator).</summary>
    public bool Refused { get; init; }

    public static AccountProblem Refusal(string field, string message) => new(field, message) { Refused = true };

    public override string ToString() => $"{Field}: {Message}";
}

public sealed record UserSummary(string Name, string Role, IReadOnlyList<string> CrossingPoints, bool Disabled, Instant? LockedOutUntil, int FailedSignIns);

public sealed record TokenSummary(Guid Id, string Name, string Role, IReadOnlyList<string> CrossingPoints, Instant CreatedAt, string CreatedBy, Instant ExpiresAt, Instant? RevokedAt)
{
    public string StateAt(Instant now) => RevokedAt is not null ? "revoked" : ExpiresAt <= now ? "expired" : "active";
}

/// <summary>
/// Accounts and API tokens: the administration page and <c>vartio users</c> / <c>vartio tokens</c> both go
/// through here, and every change is written to the audit log in the same transaction.
/// </summary>
public sealed class AccountAdministration(UserManager<VartioUser> users, VartioDbContext db, IClock clock)
{
    public const int DefaultTokenDays = 90;

    public const int MaxTokenDays = 366;

    public async Task<IReadOnlyList<UserSummary>> ListUsersAsync(CancellationToken cancellationToken)
    {
        var rows = await (from u in db.Users.AsNoTracking()
                          join ur in db.UserRoles on u.Id equals ur.UserId into urs
                          from ur in urs.DefaultIfEmpty()
                          join r in db.Roles on ur.RoleId equals r.Id into rs
                          from r in rs.DefaultIfEmpty()
                          orderby u.UserName
                          select new { User = u, Role = r != null ? r.Name : null }).ToListAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        return [.. rows.Select(x =>
        {
            var lockedUntil = x.User.LockoutEnd is { } end ? Instant.FromDateTimeOffset(end) : (Instant?)null;
            return new UserSummary(x.User.UserName!, x.Role ?? "", x.User.CrossingPoints, x.User.Disabled, lockedUntil > now ? lockedUntil : null, x.User.AccessFailedCount);
        })];
    }

    /// <summary>Creates a user and returns the random password, to be shown once.</summary>
    public async Task<(string? Password, AccountProblem? Problem)> AddUserAsync(string actor, string name, string role, IReadOnlyList<string> crossingPoints, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length == 0)
        {
            return (null, new AccountProblem("name", "a user name is required."));
        }

        var (roleName, codes, problem) = await CheckRoleAsync(role, crossingPoints, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        if (await users.FindByNameAsync(name) is not null)
        {
            return (null, AccountProblem.Refusal("name", $"a user '{name}' already exists."));
        }

        var password = Accounts.NewPassword();
        return await AuditedAsync(actor, "user.created", "user:" + name, $"role {roleName}{At(codes)}", async () =>
        {
            var user = new VartioUser { UserName = name, CrossingPoints = [.. codes], LockoutEnabled = true };
            var refused = Failure(await users.CreateAsync(user, password)) ?? Failure(await users.AddToRoleAsync(user, roleName!));
            return (refused is null ? password : null, refused);
        }, cancellationToken);
    }

    public Task<AccountProblem?> DisableAsync(string actor, string name, CancellationToken cancellationToken) =>
        ChangeAsync(actor, name, "user.disabled", "disabled", async user =>
        {
            if (await IsLastAdminAsync(user))
            {
                return AccountProblem.Refusal("name", $"'{name}' is the last enabled administrator; enable or add another first.");
            }

            user.Disabled = true;

            // A new stamp ends every session of the account at its next request.
            return Failure(await users.UpdateAsync(user)) ?? Failure(await users.UpdateSecurityStampAsync(user));
        }, cancellationToken);

    public Task<AccountProblem?> EnableAsync(string actor, string name, CancellationToken cancellationToken) =>
        ChangeAsync(actor, name, "user.enabled", "enabled", async user =>
        {
            user.Disabled = false;
            return Failure(await users.UpdateAsync(user));
        }, cancellationToken);

    /// <summary>Gives a user another role and/or other crossing points; the user's sessions see it at their next request.</summary>
    public async Task<AccountProblem?> AssignAsync(string actor, string name, string? role, IReadOnlyList<string>? crossingPoints, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(name.Trim());
        if (user is null)
        {
            return AccountProblem.Refusal("name", $"no user '{name}'.");
        }

        var current = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        var (roleName, codes, problem) = await CheckRoleAsync(role ?? current, crossingPoints ?? (Roles.AtCrossingPoints(role ?? current) ? user.CrossingPoints : []), cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!string.Equals(roleName, Roles.Admin, StringComparison.Ordinal) && await IsLastAdminAsync(user))
        {
            return AccountProblem.Refusal("role", $"'{user.UserName}' is the last enabled administrator; add another first.");
        }

        return await ChangeAsync(actor, user.UserName!, "user.assigned", $"role {roleName}{At(codes)}", async u =>
        {
            if (!string.Equals(current, roleName, StringComparison.Ordinal))
            {
                var refused = (current.Length > 0 ? Failure(await users.RemoveFromRoleAsync(u, current)) : null)
                    ?? Failure(await users.AddToRoleAsync(u, roleName!));
                if (refused is not null)
                {
                    return refused;
                }
            }

            // Sessions go on: each request rebuilds the session's roles and crossing points from the account.
            u.CrossingPoints = [.. codes];
            return Failure(await users.UpdateAsync(u));
        }, cancellationToken);
    }

    /// <summary>Sets a new random password (returned, to be shown once), ends the user's sessions and lifts a lockout.</summary>
    public async Task<(string? Password, AccountProblem? Problem)> ResetPasswordAsync(string actor, string name, CancellationToken cancellationToken)
    {
        var password = Accounts.NewPassword();
        var problem = await ChangeAsync(actor, name, "user.password-reset", "password reset; sessions ended; lockout lifted", async user =>
        {
            return Failure(await users.RemovePasswordAsync(user))
                ?? Failure(await users.AddPasswordAsync(user, password))
                ?? Failure(await users.SetLockoutEndDateAsync(user, null))
                ?? Failure(await users.ResetAccessFailedCountAsync(user))
                ?? Failure(await users.UpdateSecurityStampAsync(user));
        }, cancellationToken);
        return problem is null ? (password, null) : (null, problem);
    }

    public Task<AccountProblem?> UnlockAsync(string actor, string name, CancellationToken cancellationToken) =>
        ChangeAsync(actor, name, "user.unlocked", "lockout lifted", async user =>
        {
            return Failure(await users.SetLockoutEndDateAsync(user, null)) ?? Failure(await users.ResetAccessFailedCountAsync(user));
        }, cancellationToken);

    public async Task<IReadOnlyList<TokenSummary>> ListTokensAsync(CancellationToken cancellationToken)
    {
        var rows = await db.ApiTokens.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return [.. rows.Select(t => new TokenSummary(t.Id, t.Name, t.Role, t.CrossingPoints, t.CreatedAt, t.CreatedBy, t.ExpiresAt, t.RevokedAt))];
    }

    /// <summary>Creates a token and returns it, to be shown once: only its hash is kept.</summary>
    public async Task<(string? Token, AccountProblem? Problem)> CreateTokenAsync(string actor, string name, string role, IReadOnlyList<string> crossingPoints, int days, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100)
        {
            return (null, new AccountProblem("name", "a token needs a name of 1 to 100 characters saying what it is for."));
        }

        if (days is < 1 or > MaxTokenDays)
        {
            return (null, new AccountProblem("days", $"a token is valid for 1 to {MaxTokenDays} days, not {days}."));
        }

        var (roleName, codes, problem) = await CheckRoleAsync(role, crossingPoints, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        if (string.Equals(roleName, Roles.Admin, StringComparison.Ordinal))
        {
            return (null, new AccountProblem("role", "a token cannot be an Admin: administration is done by people, signed in."));
        }

        if (await db.ApiTokens.AnyAsync(t => t.Name == name, cancellationToken))
        {
            return (null, AccountProblem.Refusal("name", $"a token '{name}' already exists."));
        }

        var (id, token, hash) = ApiTokens.New();
        var now = clock.GetCurrentInstant();
        var expires = now + Duration.FromDays(days);
        return await AuditedAsync(actor, "token.created", "token:" + name, $"role {roleName}{At(codes)}; expires {expires}", async () =>
        {
            db.ApiTokens.Add(new ApiTokenRow
            {
                Id = id,
                Name = name,
                Role = roleName!,
                CrossingPoints = [.. codes],
                SecretHash = hash,
                CreatedAt = now,
                CreatedBy = actor,
                ExpiresAt = expires,
            });
            await db.SaveChangesAsync(cancellationToken);
            return (token, (AccountProblem?)null);
        }, cancellationToken);
    }

    public async Task<AccountProblem?> RevokeTokenAsync(string actor, string name, CancellationToken cancellationToken)
    {
        var row = await db.ApiTokens.FirstOrDefaultAsync(t => t.Name == name.Trim(), cancellationToken);
        if (row is null)
        {
            return AccountProblem.Refusal("name", $"no token '{name}'.");
        }

        if (row.RevokedAt is not null)
        {
            return null; // Revoking twice changes nothing.
        }

        var (_, problem) = await AuditedAsync(actor, "token.revoked", "token:" + row.Name, "revoked", async () =>
        {
            row.RevokedAt = clock.GetCurrentInstant();
            row.RevokedBy = actor;
            await db.SaveChangesAsync(cancellationToken);
            return ("", (AccountProblem?)null);
        }, cancellationToken);
        return problem;
    }

    /// <summary>Whether the actor behind an interactive page is still an enabled administrator right now.</summary>
    public async Task<bool> IsActiveAdminAsync(string? name)
    {
        var user = name is null ? null : await users.FindByNameAsync(name);
        return user is { Disabled: false } && await users.IsInRoleAsync(user, Roles.Admin);
    }

    private async Task<AccountProblem?> ChangeAsync(string actor, string name, string action, string detail, Func<VartioUser, Task<AccountProblem?>> change, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(name.Trim());
        if (user is null)
        {
            return AccountProblem.Refusal("name", $"no user '{name}'.");
        }

        var (_, problem) = await AuditedAsync(actor, action, "user:" + user.UserName, detail, async () =>
        {
            var refused = await change(user);
            return ("", refused);
        }, cancellationToken);
        return problem;
    }

    /// <summary>
    /// Runs a change and appends its audit entry in one transaction; a change that is refused part-way (by a
    /// rule or by Identity) is rolled back whole, with nothing written and nothing audited.
    /// </summary>
    private async Task<(string? Value, AccountProblem? Problem)> AuditedAsync(string actor, string action, string subject, string detail, Func<Task<(string? Value, AccountProblem? Problem)>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (value, problem) = await work();
        if (problem is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return (null, problem);
        }

        await db.AppendAsync(clock, [new AuditRecord(actor, action, subject, detail)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (value, null);
    }

    /// <summary>What Identity refused, as a problem with the account's name; null when it succeeded.</summary>
    private static AccountProblem? Failure(IdentityResult result) =>
        result.Succeeded ? null : new AccountProblem("name", string.Join(" ", result.Errors.Select(e => e.Description)));

    private async Task<(string? Role, IReadOnlyList<string> Codes, AccountProblem? Problem)> CheckRoleAsync(string role, IReadOnlyList<string> crossingPoints, CancellationToken cancellationToken)
    {
        var roleName = Roles.Normalise(role.Trim());
        if (roleName is null)
        {
            return (null, [], new AccountProblem("role", $"'{role}' is not a role. Use one of: {string.Join(", ", Roles.All)}."));
        }

        var codes = crossingPoints.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (Roles.AtCrossingPoints(roleName) && codes.Count == 0)
        {
            return (null, [], new AccountProblem("crossing-point", $"an {roleName} acts at crossing points: name at least one."));
        }

        if (!Roles.AtCrossingPoints(roleName) && codes.Count > 0)
        {
            return (null, [], new AccountProblem("crossing-point", $"only an Officer or a StationHead is assigned to crossing points, not a {roleName}."));
        }

        var known = await db.CrossingPoints.Select(p => p.Code).ToListAsync(cancellationToken);
        var unknown = codes.Where(c => !known.Contains(c)).ToList();
        return unknown.Count > 0
            ? (null, [], new AccountProblem("crossing-point", $"no crossing point {string.Join(", ", unknown)}. Known: {string.Join(", ", known)}."))
            : (roleName, codes, null);
    }

    private async Task<bool> IsLastAdminAsync(VartioUser user)
    {
        if (user.Disabled || !await users.IsInRoleAsync(user, Roles.Admin))
        {
            return false;
        }

        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return admins.Count(a => !a.Disabled) <= 1;
    }

    private static string At(IReadOnlyList<string> codes) => codes.Count > 0 ? " at " + string.Join(", ", codes) : "";
}
