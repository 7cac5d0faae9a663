using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Vartio.Hosting;

/// <summary>A language the pages are written in: its code (BCP 47) and its name in itself, as a switch shows it.</summary>
public sealed record Language(string Code, string Name);

/// <summary>
/// The pages speak Finnish, Swedish, English and Russian: chosen by the visitor's switch (remembered in a cookie
/// for a year), otherwise by the browser's preference (<c>Accept-Language</c>), otherwise English. Only the
/// language of texts changes (<see cref="CultureInfo.CurrentUICulture"/>); the formatting culture stays
/// invariant, so the API, the CSV exports and the feed write numbers and dates the same way for everyone, and
/// pages format dates and numbers in the visitor's language explicitly. API field names and codes never change.
/// </summary>
public static class Languages
{
    public static IReadOnlyList<Language> All { get; } =
    [
        new("fi", "Suomi"),
        new("sv", "Svenska"),
        new("en", "English"),
        new("ru", "Русский"),
    ];

    public const string Default = "en";

    public static IServiceCollection AddLanguages(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo(Default));
            o.SupportedCultures = [CultureInfo.InvariantCulture];
            o.SupportedUICultures = [.. All.Select(l => CultureInfo.GetCultureInfo(l.Code))];
            o.FallBackToParentUICultures = true;
            o.ApplyCurrentCultureToResponseHeaders = true;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>The code of the language of this request's texts.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var code && All.Any(l => l.Code == code) ? code : Default;

    /// <summary>
    /// <c>GET /language/{code}?returnUrl=/path</c>: remembers the choice and goes back to the page it was made on
    /// (a path on this site only; anything else goes to the start page).
    /// </summary>
    public static IEndpointRouteBuilder MapLanguages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/language/{code}", IResult (string code, string? returnUrl, HttpContext http) =>
            {
                var language = All.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase));
                if (language is null)
                {
                    return TypedResults.NotFound();
                }

                http.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo(language.Code))),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true });
                return TypedResults.LocalRedirect(IsLocalPath(returnUrl) ? returnUrl! : "/");
            })
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>A path on this site: one slash, then not a second slash or a backslash (which browsers read as another host).</summary>
    public static bool IsLocalPath(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);

    /// <summary>
    /// The title and detail of problem details in the language asked for, where the texts are known (the detail is
    /// written again from each problem's message); what is not known stays English. Field names never change.
    /// </summary>
    public static void Translate(Microsoft.AspNetCore.Mvc.ProblemDetails details, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(text);
        if (Current == Default)
        {
            return;
        }

        if (details.Title is { } title && text[title] is { ResourceNotFound: false } translated)
        {
            details.Title = translated.Value;
        }

        if (details.Extensions.TryGetValue("problems", out var value) && value is IEnumerable<ProblemResponse> problems)
        {
            details.Detail = string.Join(" ", problems.Select(p => Describe(p, text)));
        }
        else if (details.Detail is { } detail && text[detail] is { ResourceNotFound: false } translatedDetail)
        {
            details.Detail = translatedDetail.Value;
        }
    }

    private static string Describe(ProblemResponse problem, IStringLocalizer text)
    {
        var message = problem.Message.EndsWith('.') ? problem.Message : problem.Message + ".";
        message = text[message] is { ResourceNotFound: false } m ? m.Value : message;
        return (problem.Line, problem.Position) switch
        {
            ({ } line, { } position) => text["Line {0}, position {1} ({2}): {3}", line, position, problem.Field, message],
            ({ } line, null) => text["Line {0} ({1}): {2}", line, problem.Field, message],
            _ => text["{0}: {1}", problem.Field, message],
        };
    }
}
