using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Vartio.Data;
using Vartio.Hosting;

namespace Vartio.CrossingPoints;

/// <summary>Announcements of published decisions: JSON for programs, Atom for feed readers.</summary>
public static class AnnouncementFeed
{
    public static IEndpointRouteBuilder MapAnnouncementFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/announcements", async (VartioDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await LoadAsync(db, ct)))
            .WithTags("Announcements")
            .WithName("ListAnnouncements")
            .WithSummary("Every announcement, newest first.");

        app.MapGet("/feeds/announcements.atom", async (VartioDbContext db, HttpContext http, PublicAddress publicAddress, CancellationToken ct) =>
            {
                var announcements = await LoadAsync(db, ct);

                // Ids and links from the configured public address: the same whatever Host the request names.
                var baseUri = publicAddress.BaseFor(http.Request);
                var feed = new SyndicationFeed(
                    "Vartio: border crossing point announcements",
                    "Decisions that open, close or restrict crossing points, as they are published.",
                    new Uri(baseUri, "announcements"))
                {
                    Id = new Uri(baseUri, "feeds/announcements.atom").ToString(),
                    LastUpdatedTime = announcements.Count > 0 ? announcements[0].PublishedAt.ToDateTimeOffset() : DateTimeOffset.UnixEpoch,
                    Items = [.. announcements.Select(a => new SyndicationItem(
                        a.Title,
                        a.Body,
                        new Uri(baseUri, $"announcements#decision-{a.DecisionId}"),
                        new Uri(baseUri, $"api/v1/decisions/{a.DecisionId}").ToString(),
                        a.PublishedAt.ToDateTimeOffset())
                    {
                        PublishDate = a.PublishedAt.ToDateTimeOffset(),
                    })],
                };
                feed.Links.Add(new SyndicationLink(new Uri(baseUri, "feeds/announcements.atom")) { RelationshipType = "self", MediaType = "application/atom+xml" });
                feed.Authors.Add(new SyndicationPerson { Name = "Vartio" });

                var output = new MemoryStream();
                await using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true }))
                {
                    new Atom10FeedFormatter(feed).WriteTo(writer);
                }

                return TypedResults.Bytes(output.ToArray(), "application/atom+xml; charset=utf-8");
            })
            .WithTags("Announcements")
            .WithName("AnnouncementsAtomFeed")
            .WithSummary("Atom feed (RFC 4287) of the announcements.");

        return app;
    }

    public static async Task<List<AnnouncementResponse>> LoadAsync(VartioDbContext db, CancellationToken ct)
    {
        var rows = await db.Announcements.AsNoTracking().ToListAsync(ct);
        return [.. rows.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => new AnnouncementResponse(a.Id, a.DecisionId, a.PublishedAt, a.Title, a.Body))];
    }
}
