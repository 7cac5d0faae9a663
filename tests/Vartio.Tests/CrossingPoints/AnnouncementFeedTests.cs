using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.CrossingPoints;

/// <summary>The Atom feed (RFC 4287) as feed readers use it: always well-formed, and cheap to poll.</summary>
public abstract class AnnouncementFeedTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : VartioApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARowStoredWithCharactersXmlCannotCarry_StillGivesAWellFormedFeed()
    {
        // A row as it could have been stored before such characters were refused. PostgreSQL cannot store
        // a NUL in text at all; the other characters are as invalid in XML 1.0 (§2.2) and stored on both.
        app.SkipIfUnavailable();
        var nul = app.Database!.Provider == DatabaseProvider.Sqlite ? "\0" : "";
        var title = $"Bad{nul}\v\a\uFFFE title";
        await app.WithDbAsync(async db =>
        {
            var decision = new DecisionRow { Title = title, Text = "Body\u0001", DecidedOn = new NodaTime.LocalDate(2026, 1, 14), PublishedAt = VartioApp.DefaultNow, CreatedAt = VartioApp.DefaultNow };
            db.Decisions.Add(decision);
            await db.SaveChangesAsync(Ct);
            db.Announcements.Add(Announcements.For(decision));
            return await db.SaveChangesAsync(Ct);
        });

        var response = await app.Anonymous().GetAsync("/feeds/announcements.atom", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync(Ct));
        var feed = SyndicationFeed.Load(reader);
        var item = Assert.Single(feed.Items, i => i.Title.Text.StartsWith("Bad", StringComparison.Ordinal));
        Assert.Equal("Bad" + string.Concat(Enumerable.Repeat("\uFFFD", nul.Length + 3)) + " title", item.Title.Text);
    }

    [Fact]
    public async Task Feed_CarriesAnETagAndLastModified_AndAnUnchangedFeedIsNotSentAgain()
    {
        var client = app.Anonymous();
        var first = await client.GetAsync("/feeds/announcements.atom", Ct);
        var etag = first.Headers.ETag;
        var lastModified = first.Content.Headers.LastModified;
        Assert.NotNull(etag);
        Assert.NotNull(lastModified);

        using var byTag = new HttpRequestMessage(HttpMethod.Get, "/feeds/announcements.atom");
        byTag.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(byTag, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(etag, notModified.Headers.ETag);

        using var byDate = new HttpRequestMessage(HttpMethod.Get, "/feeds/announcements.atom");
        byDate.Headers.IfModifiedSince = lastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(byDate, Ct)).StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/feeds/announcements.atom");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-feed\""));
        stale.Headers.IfModifiedSince = lastModified;
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale, Ct)).StatusCode);

        using var older = new HttpRequestMessage(HttpMethod.Get, "/feeds/announcements.atom");
        older.Headers.IfModifiedSince = lastModified!.Value.AddSeconds(-1);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(older, Ct)).StatusCode);
    }
}

public sealed class AnnouncementFeedOnSqlite(SqliteApp app) : AnnouncementFeedTests<SqliteApp>(app);

public sealed class AnnouncementFeedOnPostgres(PostgresApp app) : AnnouncementFeedTests<PostgresApp>(app);
