using Vartio.Domain.Screening;

namespace Vartio.Domain.Tests.Screening;

/// <summary>The names of watchlist kinds as docs/WATCHLISTS.md gives them for the <c>kind</c> column.</summary>
public sealed class WatchlistKindsTests
{
    [Theory]
    [InlineData(WatchlistKind.RefusalOfEntry, "refusal-of-entry", "RefusalOfEntry")]
    [InlineData(WatchlistKind.WantedPerson, "wanted-person", "WantedPerson")]
    [InlineData(WatchlistKind.LostOrStolenDocument, "lost-or-stolen-document", "LostOrStolenDocument")]
    public void Name_AndStoredForm_ReadBackAsTheKind(WatchlistKind kind, string name, string stored)
    {
        Assert.Equal(name, kind.Name());
        Assert.Equal(kind, WatchlistKinds.Parse(name));
        // Entries stored before the kinds were named in one place hold the member's name.
        Assert.Equal(stored, kind.Stored());
        Assert.Equal(kind, WatchlistKinds.FromStored(stored));
    }

    [Theory]
    [InlineData("Refusal-of-entry")]
    [InlineData("RefusalOfEntry")]
    [InlineData("refusal of entry")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_AnythingButTheExactName_IsNull(string? text) => Assert.Null(WatchlistKinds.Parse(text));

    [Fact]
    public void Expected_NamesEveryKind() =>
        Assert.Equal("refusal-of-entry, wanted-person or lost-or-stolen-document", WatchlistKinds.Expected);
}
