using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Hosting;

namespace Vartio.Users;

/// <summary>Sign-in with ASP.NET Core Identity: cookie for people, roles for what they may do.</summary>
public static class Accounts
{
    public const string FirstAdminName = "admin";

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

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentity<VartioUser, IdentityRole>(ConfigureIdentity)
            .AddEntityFrameworkStores<VartioDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/denied";
            o.Cookie.Name = "vartio";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
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
        app.MapPost("/account/login", async Task<IResult> (
                [FromForm] string userName,
                [FromForm] string password,
                [FromForm] string? returnUrl,
                SignInManager<VartioUser> signIn,
                HttpContext http) =>
            {
                var user = await signIn.UserManager.FindByNameAsync(userName);
                if (user is null || user.Disabled)
                {
                    return TypedResults.LocalRedirect("/login?failed=1");
                }

                var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
                if (result.IsLockedOut)
                {
                    return TypedResults.LocalRedirect("/login?locked=1");
                }

                if (!result.Succeeded)
                {
                    return TypedResults.LocalRedirect("/login?failed=1");
                }

                return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .ExcludeFromDescription();

        app.MapPost("/account/logout", async Task<IResult> (SignInManager<VartioUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("/");
            })
            .RequireAuthorization()
            .ExcludeFromDescription();

        return app;
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

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
    public static async Task EnsureFirstAdminAsync(UserManager<VartioUser> users, TextWriter output)
    {
        if (users.Users.Any())
        {
            return;
        }

        var password = NewPassword();
        await CreateAsync(users, FirstAdminName, Roles.Admin, password, []);
        await output.WriteLineAsync($"Created the administrator '{FirstAdminName}' with password {password}");
        await output.WriteLineAsync("The password is shown only this once. Sign in and keep it safe.");
    }

    public static async Task EnsureDemoUsersAsync(UserManager<VartioUser> users, TextWriter output)
    {
        foreach (var (name, role, password, point) in DemoUsers)
        {
            if (await users.FindByNameAsync(name) is null)
            {
                await CreateAsync(users, name, role, password, point is null ? [] : [point]);
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

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
