using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Vartio.Audit;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Hosting;

namespace Vartio.Users;

/// <summary>Sign-in with ASP.NET Core Identity: cookie for people, roles for what they may do.</summary>
public static class Accounts
{
    public const string FirstAdminName = "admin";

    /// <summary>Where every failed sign-in goes, whatever the reason.</summary>
    public const string FailedPath = "/login?failed=1";

    /// <summary>Demo accounts made by <c>serve --demo</c>; the README lists the same passwords.</summary>
    public static IReadOnlyList<(string Name, string Role, string Password, string? CrossingPoint)> DemoUsers { get; } =
    [
        ("officer", Roles.Officer, "Officer-demo-1", "VAA"),
        ("stationhead", Roles.StationHead, "StationHead-demo-1", "VAA"),
        ("analyst", Roles.Analyst, "Analyst-demo-1", null),
        ("decider", Roles.Decider, "Decider-demo-1", null),
        ("caseworker", Roles.AsylumCaseworker, "Caseworker-demo-1", null),
        ("demoadmin", Roles.Admin, "Admin-demo-1", null),
    ];

    /// <summary>The scheme that picks, per request, the bearer token (machines) or the cookie (people).</summary>
    public const string Scheme = "Vartio";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<VartioUser, IdentityRole>(o =>
            {
                ConfigureIdentity(o);
                o.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Accounts:LockoutAfterFailures", o.Lockout.MaxFailedAccessAttempts);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Accounts:LockoutMinutes", o.Lockout.DefaultLockoutTimeSpan.TotalMinutes));
            })
            .AddEntityFrameworkStores<VartioDbContext>()
            .AddClaimsPrincipalFactory<VartioClaimsFactory>()
            .AddSignInManager<VartioSignInManager>()
            .AddDefaultTokenProviders();

        // Every request re-reads the account, so disabling it or changing its role or crossing points takes
        // effect at once, not at the next sign-in.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultAuthenticateScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultForbidScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Bearer token or sign-in cookie", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokens.Scheme
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokens.Scheme, null);
        services.AddSingleton<IAuthorizationHandler, AccessHandler>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAccountState>();
        services.AddScoped<AccountAdministration>();
        services.AddSingleton<DecoyPassword>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/denied";
            o.Cookie.Name = "vartio";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request is (behind TLS); plain HTTP is for a workstation on localhost.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);

            // Machines calling the API get status codes, not a redirect to a login page.
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder().AddVartioPolicies();
        return services;
    }

    /// <summary>Password and lockout rules, the same for the server and the command line.</summary>
    public static void ConfigureIdentity(IdentityOptions o)
    {
        // Length over composition rules (NIST SP 800-63B, 5.1.1).
        o.Password.RequiredLength = 12;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireDigit = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireLowercase = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.User.RequireUniqueEmail = false;
    }

    private static Task RedirectOrStatus(HttpContext http, string redirectUri, int status)
    {
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) || http.Request.Path.StartsWithSegments("/feeds", StringComparison.Ordinal))
        {
            http.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        http.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }

    private static AuthorizationBuilder AddVartioPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (policy, roles) in Policies.RolesOf)
        {
            builder.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        // The login page posts here (a plain form with an anti-forgery token); rate-limited per address.
        // Every failure gets the same answer after the same work (one password hash), whether the name is
        // unknown, the account disabled or locked, or the password wrong: the answer does not tell which
        // names exist.
        app.MapPost("/account/login", async Task<IResult> (
                [FromForm] string userName,
                [FromForm] string password,
                [FromForm] string? returnUrl,
                SignInManager<VartioUser> signIn,
                DecoyPassword decoy,
                VartioDbContext db,
                IClock clock,
                HttpContext http) =>
            {
                // The page asked for is kept, so signing in after a failed attempt still leads there.
                var failed = TypedResults.LocalRedirect(RedirectHttpResult.IsLocalUrl(returnUrl) && returnUrl != "/"
                    ? FailedPath + "&returnUrl=" + Uri.EscapeDataString(returnUrl!)
                    : FailedPath);
                var user = await signIn.UserManager.FindByNameAsync(userName);
                if (user is null || user.Disabled || await signIn.UserManager.IsLockedOutAsync(user))
                {
                    decoy.Check(password);
                    return failed;
                }

                var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
                if (result.IsLockedOut)
                {
                    // It was not locked a moment ago: this failure locked it.
                    await db.AppendAsync(clock, new AuditRecord(Actors.System, "user.locked-out", "user:" + user.UserName, "too many failed sign-ins"), http.RequestAborted);
                    return failed;
                }

                if (!result.Succeeded)
                {
                    return failed;
                }

                // The framework's rule (no other host, no control characters), so what is followed can be redirected to.
                return TypedResults.LocalRedirect(RedirectHttpResult.IsLocalUrl(returnUrl) ? returnUrl! : "/");
            })
            .RequireRateLimiting(RateLimits.Login)
            .ExcludeFromDescription();

        // The sign-out form carries an anti-forgery token, so another site cannot sign staff out.
        app.MapPost("/account/logout", async Task<IResult> (SignInManager<VartioUser> signIn, IAntiforgery antiforgery, HttpContext http) =>
            {
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The form has expired", detail: "Reload the page and sign out again.");
                }

                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("/");
            })
            .ExcludeFromDescription();

        return app;
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    /// <summary>
    /// With no users at all, creates the administrator with a random password and writes it once: it is
    /// not stored anywhere in clear and is never shown again.
    /// </summary>
    public static async Task EnsureFirstAdminAsync(UserManager<VartioUser> users, VartioDbContext db, IClock clock, TextWriter output)
    {
        if (users.Users.Any())
        {
            return;
        }

        var password = NewPassword();
        await db.AuditedAsync(clock, async () =>
        {
            await CreateAsync(users, FirstAdminName, Roles.Admin, password, []);
            return (true, new AuditRecord(Actors.System, "user.created", "user:" + FirstAdminName, "first administrator, role Admin"));
        }, CancellationToken.None);
        await output.WriteLineAsync($"Created the administrator '{FirstAdminName}' with password {password}");
        await output.WriteLineAsync("The password is shown only this once. Sign in and keep it safe.");
    }

    public static async Task EnsureDemoUsersAsync(UserManager<VartioUser> users, VartioDbContext db, IClock clock, TextWriter output)
    {
        foreach (var (name, role, password, point) in DemoUsers)
        {
            if (await users.FindByNameAsync(name) is null)
            {
                await db.AuditedAsync(clock, async () =>
                {
                    await CreateAsync(users, name, role, password, point is null ? [] : [point]);
                    return (true, new AuditRecord(Actors.System, "user.created", "user:" + name, $"demo user, role {role}"));
                }, CancellationToken.None);
            }
        }

        await output.WriteLineAsync("Demo users are present (see README: one per role). Never use --demo on a real border.");
    }

    public static async Task<VartioUser> CreateAsync(UserManager<VartioUser> users, string name, string role, string password, IReadOnlyList<string> crossingPoints)
    {
        var user = new VartioUser { UserName = name, CrossingPoints = [.. crossingPoints], LockoutEnabled = true };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    /// <summary>A random password of 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I).</summary>
    public static string NewPassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        return "Va-" + RandomNumberGenerator.GetString(alphabet, 17);
    }

    internal static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
