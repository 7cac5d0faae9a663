using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.StaticAssets;

namespace Vartio.Hosting;

/// <summary>
/// Who may use each endpoint and page: the one place this is declared. Endpoints are mapped without any
/// authorization of their own; <see cref="AccessConventions.WithAccessTable{TBuilder}"/> applies this table
/// to them, and a test calls every mapped endpoint as anonymous and as every role against it.
/// Keys are <c>METHOD /route</c> for API endpoints, <c>PAGE /route</c> for pages.
/// </summary>
public static class AccessTable
{
    public const string StaticFiles = "static files";

    /// <summary>The static files of a development build, served from the build output.</summary>
    private const string DevelopmentStaticFiles = "GET /{**path:file}";

    public static IReadOnlyDictionary<string, Access> Entries { get; } = new Dictionary<string, Access>(StringComparer.Ordinal)
    {
        // Framework and infrastructure.
        [StaticFiles] = Access.Anyone,
        ["GET /openapi/{documentName}.json"] = Access.Anyone,
        ["ANY /healthz"] = Access.Anyone,

        // The interactive pages' connection: it carries the signed-in user, and each page it serves is
        // authorised as its route says.
        ["ANY /_blazor"] = Access.Anyone,
        ["ANY /_blazor/negotiate"] = Access.Anyone,
        ["ANY /_blazor/disconnect/"] = Access.Anyone,
        ["ANY /_blazor/initializers/"] = Access.Anyone,
        ["GET /_framework/opaque-redirect"] = Access.Anyone,

        // Accounts.
        ["PAGE /login"] = Access.Anyone,
        ["PAGE /denied"] = Access.Anyone,
        ["PAGE /accessibility"] = Access.Anyone,
        ["GET /language/{code}"] = Access.Anyone,
        ["PAGE /not-found"] = Access.Anyone,
        ["POST /account/login"] = Access.Anyone,
        ["POST /account/logout"] = Access.AnyoneSignedIn,

        // Crossing points: public status, decisions, announcements and feeds.
        ["PAGE /"] = Access.Anyone,
        ["PAGE /status"] = Access.Anyone,
        ["PAGE /announcements"] = Access.Anyone,
        ["GET /api/v1/crossing-points"] = Access.Anyone,
        ["GET /api/v1/crossing-points/{code}"] = Access.Anyone,
        ["GET /api/v1/status"] = Access.Anyone,
        ["GET /api/v1/announcements"] = Access.Anyone,
        ["GET /feeds/announcements.atom"] = Access.Anyone,

        // Published decisions are public; drafts are shown to Deciders only (checked in the endpoint).
        ["GET /api/v1/decisions/"] = Access.Anyone,
        ["GET /api/v1/decisions/{id:int}"] = Access.Anyone,
        ["POST /api/v1/decisions/"] = Access.Policy(Policies.Decider),
        ["GET /api/v1/decisions/{id:int}/preview"] = Access.Policy(Policies.Decider),
        ["POST /api/v1/decisions/{id:int}/publish"] = Access.Policy(Policies.Decider),
        ["DELETE /api/v1/decisions/{id:int}"] = Access.Policy(Policies.Decider),
        ["PAGE /decisions"] = Access.Policy(Policies.Decider),

        ["GET /api/v1/subscriptions/"] = Access.Policy(Policies.Admin),
        ["POST /api/v1/subscriptions/"] = Access.Policy(Policies.Admin),
        ["DELETE /api/v1/subscriptions/{id:guid}"] = Access.Policy(Policies.Admin),
        ["GET /api/v1/subscriptions/{id:guid}/deliveries"] = Access.Policy(Policies.Admin),

        // Stations: the staff of a crossing point, at that crossing point only.
        ["GET /api/v1/stations/{code}"] = Access.PolicyAtStation(Policies.BorderCheck),
        ["PAGE /stations/{Code}"] = Access.PolicyAtStation(Policies.BorderCheck),

        // Travel documents: the first-line check.
        ["POST /api/v1/documents/mrz"] = Access.Policy(Policies.BorderCheck),
        ["PAGE /documents/mrz"] = Access.Policy(Policies.BorderCheck),

        // The border check: officers at their crossing points. The crossing point is in the body or in the stored
        // check, so the endpoint applies the station rule itself (StationScope) and answers 403.
        ["POST /api/v1/checks/"] = Access.PolicyAtStationInBody(Policies.BorderCheck),
        ["GET /api/v1/checks/{id:guid}"] = Access.PolicyAtStationInBody(Policies.BorderCheck),
        ["POST /api/v1/checks/{id:guid}/outcome"] = Access.PolicyAtStationInBody(Policies.BorderCheck),

        ["PAGE /checks"] = Access.Policy(Policies.BorderCheck),
        ["PAGE /checks/{id:guid}/refusal"] = Access.PolicyAtStationInBody(Policies.BorderCheck),

        // A traveller crosses anywhere: every officer reads the whole record.
        ["GET /api/v1/travellers/{id:guid}"] = Access.Policy(Policies.BorderCheck),
        ["POST /api/v1/travellers/{id:guid}/links"] = Access.Policy(Policies.BorderCheck),
        ["GET /api/v1/overstayers"] = Access.Policy(Policies.BorderCheck),

        // The visa lists are the law's: anyone may read them; Admins keep them as the regulation is amended.
        ["GET /api/v1/visa-requirements"] = Access.Anyone,
        ["PUT /api/v1/visa-requirements"] = Access.Policy(Policies.Admin),
        ["GET /api/v1/overstayers.csv"] = Access.Policy(Policies.BorderCheck),
        ["PAGE /overstayers"] = Access.Policy(Policies.BorderCheck),

        // Asylum: officers register at their crossing points (named in the body or the stored application, so
        // the endpoint applies the station rule itself); the asylum authority receives; Analysts read figures
        // without names. Pages: registration at a booth, the caseworkers' inbox, the list.
        ["POST /api/v1/asylum-applications/"] = Access.PolicyAtStationInBody(Policies.BorderCheck),
        ["GET /api/v1/asylum-applications/"] = Access.PolicyAtStationInBody(Policies.AsylumRead),
        ["GET /api/v1/asylum-applications/export.csv"] = Access.PolicyAtStationInBody(Policies.AsylumRead),
        ["GET /api/v1/asylum-applications/{id:guid}"] = Access.PolicyAtStationInBody(Policies.AsylumRead),
        ["POST /api/v1/asylum-applications/{id:guid}/handover"] = Access.PolicyAtStationInBody(Policies.BorderCheck),
        ["POST /api/v1/asylum-applications/{id:guid}/status"] = Access.PolicyAtStationInBody(Policies.AsylumHandling),
        ["POST /api/v1/asylum-applications/{id:guid}/person"] = Access.PolicyAtStationInBody(Policies.BorderCheck),
        ["GET /api/v1/irregular-arrivals"] = Access.PolicyAtStationInBody(Policies.AsylumRead),
        ["PAGE /asylum/register"] = Access.Policy(Policies.BorderCheck),
        ["PAGE /asylum/inbox"] = Access.Policy(Policies.AsylumCaseworker),
        ["PAGE /asylum"] = Access.Policy(Policies.AsylumRead),
        ["PAGE /asylum/{id:guid}"] = Access.PolicyAtStationInBody(Policies.AsylumRead),

        // Statistics: counts, no personal data.
        ["GET /api/v1/statistics"] = Access.Policy(Policies.Statistics),
        ["GET /api/v1/statistics/daily"] = Access.Policy(Policies.Statistics),
        ["GET /api/v1/reviews/monthly"] = Access.Policy(Policies.Statistics),
        ["GET /api/v1/reviews/monthly.csv"] = Access.Policy(Policies.Statistics),
        ["PAGE /reviews/monthly"] = Access.Policy(Policies.Statistics),
        ["PAGE /dashboard"] = Access.Policy(Policies.Statistics),

        // Surge alerts: counts and places, no personal data; the government sees them too. Being told of them as
        // they open is for headquarters' analysts and heads of station.
        ["GET /api/v1/alerts"] = Access.Policy(Policies.Statistics),
        ["GET /api/v1/alerts/subscription"] = Access.Policy(Policies.AlertSubscriber),
        ["PUT /api/v1/alerts/subscription"] = Access.Policy(Policies.AlertSubscriber),
        ["PAGE /alerts"] = Access.Policy(Policies.Statistics),

        // Watchlists: screening a traveller at the check; the lists themselves are administered.
        ["POST /api/v1/screening"] = Access.Policy(Policies.Screening),
        ["GET /api/v1/watchlists"] = Access.Policy(Policies.Admin),
        ["POST /api/v1/watchlists/{name}/import"] = Access.Policy(Policies.Admin),
        ["PAGE /admin/watchlists"] = Access.Policy(Policies.Admin),

        // The 90/180 rule: travellers ask it too; nothing is stored.
        ["POST /api/v1/stays/assess"] = Access.Anyone,
        ["PAGE /stay"] = Access.Anyone,

        // Administration.
        ["PAGE /admin/users"] = Access.Policy(Policies.Admin),
        ["PAGE /admin/tokens"] = Access.Policy(Policies.Admin),
        ["PAGE /admin/audit"] = Access.Policy(Policies.Admin),

        // The simulation of a border, on a server started with --demo only (the page says so otherwise).
        ["PAGE /demo/simulate"] = Access.Policy(Policies.Admin),
    };

    public static Access? Find(string key) => Entries.GetValueOrDefault(key);

    /// <summary>The table as Markdown, one row per endpoint and a column per caller: docs/ACCESS.md.</summary>
    public static string ToMarkdown()
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine("# Who may use what");
        text.AppendLine();
        text.AppendLine("Generated from `src/Vartio/Hosting/AccessTable.cs`, the one place access is declared; a test fails when this");
        text.AppendLine("page and the table differ (regenerate with `VARTIO_UPDATE_DOCS=1 dotnet test tests/Vartio.Tests --filter AccessDocument`).");
        text.AppendLine("Another test calls every endpoint as anonymous and as every role and checks each answer against the table.");
        text.AppendLine();
        text.AppendLine("✓ allowed · ✓ own = only at a crossing point the person or token is assigned to (the `{code}` of the route, or the");
        text.AppendLine("crossing point the request or its record names) · – refused.");
        text.AppendLine("Pages answer a refusal with a redirect to sign in (anonymous) or to `/denied`; the API with 401 or 403.");
        text.AppendLine();
        text.AppendLine("| endpoint | anonymous | " + string.Join(" | ", Roles.All) + " |");
        text.AppendLine("|---|" + string.Concat(Enumerable.Repeat(":-:|", Roles.All.Count + 1)));
        foreach (var (key, access) in Entries.OrderBy(e => e.Key.StartsWith("PAGE", StringComparison.Ordinal)).ThenBy(e => e.Key[(e.Key.IndexOf(' ', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            var cells = new List<string> { access.Allows(null, [], null) ? "✓" : "–" };
            foreach (var role in Roles.All)
            {
                var here = access.StationInRequest ? access.AllowsAtStation([role], ["X"], "X") : access.Allows([role], ["X"], "X");
                var elsewhere = access.StationInRequest ? access.AllowsAtStation([role], ["X"], "Y") : access.Allows([role], ["X"], "Y");
                cells.Add(here && elsewhere ? "✓" : here ? "✓ own" : "–");
            }

            text.AppendLine("| `" + key + "` | " + string.Join(" | ", cells) + " |");
        }

        return text.ToString();
    }

    /// <summary>The key of an endpoint: what kind it is and its route.</summary>
    public static string KeyOf(string? route, IReadOnlyList<object> metadata)
    {
        var pattern = route ?? "";
        if (!pattern.StartsWith('/'))
        {
            pattern = "/" + pattern;
        }

        if (metadata.OfType<StaticAssetDescriptor>().Any() || string.Equals("GET " + pattern, DevelopmentStaticFiles, StringComparison.Ordinal))
        {
            return StaticFiles;
        }

        if (metadata.OfType<ComponentTypeMetadata>().Any())
        {
            return "PAGE " + pattern;
        }

        var methods = metadata.OfType<HttpMethodMetadata>().LastOrDefault()?.HttpMethods.Where(m => m != "HEAD").ToList();
        var method = methods is { Count: > 0 } ? string.Join(",", methods) : "ANY";
        return $"{method} {pattern}";
    }
}
