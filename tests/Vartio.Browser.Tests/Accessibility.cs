using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Vartio.Browser.Tests;

/// <summary>
/// axe-core on the page as it is now: every rule axe runs by default (WCAG 2.0 and 2.1, levels A and AA, and
/// its best practices such as heading order), failing on any violation with each one named, the elements it
/// found and how to fix it. A page gets the check with one line: <c>await page.ExpectAccessibleAsync();</c>
/// </summary>
public static class Accessibility
{
    public static async Task ExpectAccessibleAsync(this IPage page, string? state = null)
    {
        var result = await page.RunAxe();
        if (result.Violations.Length > 0)
        {
            Assert.Fail(Describe(page.Url, state, result.Violations));
        }
    }

    public static string Describe(string url, string? state, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        text.Append("Accessibility violations on ").Append(url);
        if (state is not null)
        {
            text.Append(" (").Append(state).Append(')');
        }

        text.AppendLine(":");
        foreach (var violation in violations)
        {
            text.Append("- ").Append(violation.Id).Append(" (").Append(violation.Impact).Append("): ").Append(violation.Help).Append(' ').AppendLine(violation.HelpUrl);
            foreach (var node in violation.Nodes.Take(5))
            {
                text.Append("    ").Append(node.Target).Append(": ").AppendLine(node.Html);
                foreach (var check in node.Any.Concat(node.All).Concat(node.None))
                {
                    text.Append("      ").AppendLine(check.Message);
                }
            }
        }

        return text.ToString();
    }
}
