using System.Security.Cryptography;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
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

        app.MapGet("/feeds/announcements.atom", async (VartioDbContext db, HttpContext http, PublicAddress publicAddress, IStringLocalizer<PageText> text, CancellationToken ct) =>
            {
                var announcements = await LoadAsync(db, ct);

                // Ids and links from the configured public address: the same whatever Host the request names.
                var baseUri = publicAddress.BaseFor(http.Request);
                // The feed's own title and subtitle follow the reader's language; the announcements stay as written.
                var atom = Write(announcements, baseUri, text);
                http.Response.Headers.Vary = "Accept-Language, Cookie";

                // Feed readers poll: an unchanged feed is answered with 304 and no body (RFC 9110 §13.1).
                var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(atom).AsSpan(0, 16))}\"");
                var lastModified = announcements.Count > 0 ? announcements.Max(a => a.PublishedAt).ToDateTimeOffset() : DateTimeOffset.UnixEpoch;
                var headers = http.Response.GetTypedHeaders();
                headers.ETag = etag;
                headers.LastModified = lastModified;
                return Unchanged(http.Request.GetTypedHeaders(), etag, lastModified)
                    ? Results.StatusCode(StatusCodes.Status304NotModified)
                    : TypedResults.Bytes(atom, "application/atom+xml; charset=utf-8");
            })
            .WithTags("Announcements")
            .WithName("AnnouncementsAtomFeed")
            .WithSummary("Atom feed (RFC 4287) of the announcements. Answers If-None-Match and If-Modified-Since with 304 when unchanged.");

        return app;
    }

    /// <summary>
    /// Whether the client's copy is current: If-None-Match when it is sent, otherwise If-Modified-Since
    /// (RFC 9110 §13.2.2: a recipient ignores If-Modified-Since when If-None-Match is present). HTTP dates
    /// have whole seconds, so the comparison is to the second.
    /// </summary>
    private static bool Unchanged(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        if (request.IfNoneMatch is { Count: > 0 } tags)
        {
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        }

        return request.IfModifiedSince is { } since && lastModified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }

    /// <summary>The announcements as an Atom document.</summary>
    /// <param name="text">The feed's fixed texts in the reader's language; English without it.</param>
    public static byte[] Write(IReadOnlyList<AnnouncementResponse> announcements, Uri baseUri, IStringLocalizer? text = null)
    {
        var feed = new SyndicationFeed(
            text?["Vartio: border crossing point announcements"] ?? "Vartio: border crossing point announcements",
            text?["Decisions that open, close or restrict crossing points, as they are published."] ?? "Decisions that open, close or restrict crossing points, as they are published.",
            new Uri(baseUri, "announcements"))
        {
            Language = text is null ? Languages.Default : Languages.Current,
            Id = new Uri(baseUri, "feeds/announcements.atom").ToString(),
            LastUpdatedTime = announcements.Count > 0 ? announcements[0].PublishedAt.ToDateTimeOffset() : DateTimeOffset.UnixEpoch,
            Items = [.. announcements.Select(a => new SyndicationItem(
                XmlSafe(a.Title),
                XmlSafe(a.Body),
                new Uri(baseUri, $"announcements#decision-{a.DecisionId}"),
                new Uri(baseUri, $"api/v1/decisions/{a.DecisionId}").ToString(),
                a.PublishedAt.ToDateTimeOffset())
            {
                PublishDate = a.PublishedAt.ToDateTimeOffset(),
            })],
        };
        feed.Links.Add(new SyndicationLink(new Uri(baseUri, "feeds/announcements.atom")) { RelationshipType = "self", MediaType = "application/atom+xml" });
        feed.Authors.Add(new SyndicationPerson { Name = "Vartio" });

        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return output.ToArray();
    }

    /// <summary>
    /// Text that XML 1.0 can carry (§2.2): each character it cannot, such as a NUL, is written as U+FFFD.
    /// New text with such characters is refused (<see cref="Domain.Text.StoredText"/>); this keeps the feed
    /// well-formed for any row stored before that rule, so no stored data can break it.
    /// </summary>
    public static string XmlSafe(string text)
    {
        var firstBad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (!XmlCharAt(text, i, out var width))
            {
                firstBad = i;
                break;
            }

            i += width - 1;
        }

        if (firstBad < 0)
        {
            return text;
        }

        var safe = new StringBuilder(text.Length).Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            if (XmlCharAt(text, i, out var width))
            {
                safe.Append(text, i, width);
                i += width - 1;
            }
            else
            {
                safe.Append('\uFFFD');
            }
        }

        return safe.ToString();
    }

    private static bool XmlCharAt(string text, int i, out int width)
    {
        if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
        {
            width = 2;
            return true;
        }

        width = 1;
        return XmlConvert.IsXmlChar(text[i]);
    }

    public static async Task<List<AnnouncementResponse>> LoadAsync(VartioDbContext db, CancellationToken ct)
    {
        var rows = await db.Announcements.AsNoTracking().ToListAsync(ct);
        return [.. rows.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => new AnnouncementResponse(a.Id, a.DecisionId, a.PublishedAt, a.Title, a.Body))];
    }
}
