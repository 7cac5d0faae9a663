using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Vartio.Benchmarks;

/// <summary>
/// Where a check's time goes, measured with one client at a time: every SQL command and every transaction's
/// begin and commit as EF Core reports them (its diagnostic events: the time in the database provider), grouped by
/// statement. What is left of the server's time is the check's own work (reading, screening, deciding, JSON).
/// </summary>
public sealed partial class ChecksLoadProfile : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly ConcurrentDictionary<string, (int Count, double Milliseconds)> statements = new(StringComparer.Ordinal);
    private readonly List<IDisposable> subscriptions = [];
    private readonly IDisposable all;
    private volatile bool recording;

    public ChecksLoadProfile() => all = DiagnosticListener.AllListeners.Subscribe(this);

    public void Start()
    {
        statements.Clear();
        recording = true;
    }

    public IReadOnlyDictionary<string, (int Count, double Milliseconds)> Stop()
    {
        recording = false;
        return new Dictionary<string, (int, double)>(statements, StringComparer.Ordinal);
    }

    /// <summary>A Markdown table: each statement's count and time per check.</summary>
    public static string Describe(IReadOnlyDictionary<string, (int Count, double Milliseconds)> statements, int checks, double serverMean)
    {
        var b = new StringBuilder();
        b.AppendLine("| statement | per check | mean | ms per check |");
        b.AppendLine("|---|---:|---:|---:|");
        var total = 0.0;
        foreach (var (text, (count, ms)) in statements.OrderByDescending(s => s.Value.Milliseconds))
        {
            total += ms;
            b.AppendLine(CultureInfo.InvariantCulture, $"| `{text}` | {count / (double)checks:0.00} | {ms / count:0.000} ms | {ms / checks:0.000} |");
        }

        b.AppendLine(CultureInfo.InvariantCulture, $"| all database work | | | {total / checks:0.000} |");
        b.AppendLine(CultureInfo.InvariantCulture, $"| the rest of the server's time (mean {serverMean:0.000} ms) | | | {serverMean - (total / checks):0.000} |");
        return b.ToString();
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (!recording)
        {
            return;
        }

        switch (value.Value)
        {
            case CommandExecutedEventData command:
                Add(Statement(command.Command.CommandText), command.Duration);
                break;
            case TransactionEndEventData transaction:
                Add(value.Key[(value.Key.LastIndexOf('.') + 1)..], transaction.Duration);
                break;
        }
    }

    private void Add(string key, TimeSpan duration) =>
        statements.AddOrUpdate(key, (1, duration.TotalMilliseconds), (_, v) => (v.Count + 1, v.Milliseconds + duration.TotalMilliseconds));

    /// <summary>The statement's kind and table, enough to tell them apart: <c>SELECT … FROM "travel_documents"</c>.</summary>
    private static string Statement(string sql)
    {
        var text = Spaces().Replace(sql, " ").Trim();
        var verb = text.Split(' ', 2)[0].ToUpperInvariant();
        var table = Table().Match(text) is { Success: true } m ? m.Groups[1].Value : "";
        var where = text.Contains(" WHERE ", StringComparison.OrdinalIgnoreCase) ? Where().Match(text).Groups[1].Value : "";
        return $"{verb} {table} {(where.Length > 60 ? where[..60] + "…" : where)}".Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?:FROM|INTO|UPDATE)\s+""?(\w+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex Table();

    [GeneratedRegex(@"WHERE (.*?)(?: ORDER BY| LIMIT|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Where();

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        all.Dispose();
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }
}
