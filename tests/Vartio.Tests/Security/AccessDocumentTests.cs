using Vartio.Hosting;
using Vartio.Tests.Infrastructure;

namespace Vartio.Tests.Security;

public sealed class AccessDocumentTests
{
    private const string UpdateVariable = "VARTIO_UPDATE_DOCS";

    /// <summary>docs/ACCESS.md is the access table as the code declares it.</summary>
    [Fact]
    public async Task CommittedPage_IsTheTable()
    {
        var path = Path.Combine(Repository.Root, "docs", "ACCESS.md");
        var rendered = AccessTable.ToMarkdown();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, rendered, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(path) && (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n") == rendered.ReplaceLineEndings("\n"),
            $"docs/ACCESS.md differs from AccessTable; run the tests with {UpdateVariable}=1 and commit the result.");
    }

    [Fact]
    public void Markdown_SaysTheStationRuleAndTheRefusals()
    {
        var markdown = AccessTable.ToMarkdown();
        Assert.Contains("| `GET /api/v1/stations/{code}` | – | ✓ own | ✓ own | – | – | – | – |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `POST /api/v1/decisions/` | – | – | – | – | ✓ | – | – |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `GET /api/v1/status` | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |", markdown, StringComparison.Ordinal);
    }
}
