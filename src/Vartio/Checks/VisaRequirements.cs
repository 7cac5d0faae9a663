using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Vartio.Audit;
using Vartio.Data;
using Vartio.Data.Entities;
using Vartio.Domain.Checks;
using Vartio.Domain.Problems;
using Vartio.Domain.Text;
using Vartio.Hosting;

namespace Vartio.Checks;

/// <param name="Annex"><c>annexI</c> (visa required) or <c>annexII</c> (exempt).</param>
/// <param name="From">The first day it applies (YYYY-MM-DD); null for as far back as the lists go.</param>
/// <param name="Until">The last day it applies; null while in force.</param>
public sealed record VisaRequirementEntryJson(
    string? Country,
    [property: ApiValues(ApiValueSet.VisaAnnex)] string? Annex,
    string? From,
    string? Until,
    string? Source,
    string? Proviso);

/// <summary>The visa lists in force: <c>edited</c> when an Admin has replaced the shipped ones.</summary>
public sealed record VisaRequirementsResponse(bool Edited, IReadOnlyList<VisaRequirementEntryJson> Entries);

public sealed record VisaRequirementsRequest(IReadOnlyList<VisaRequirementEntryJson>? Entries);

/// <summary>
/// The lists of Regulation (EU) 2018/1806 the check applies: those shipped with Vartio until an Admin replaces
/// them (the regulation is amended a few times a year), kept in the database and read once per change.
/// </summary>
public sealed class VisaRequirementLists(IServiceScopeFactory scopes, IClock clock)
{
    public const int MaxEntries = 2_000;

    private readonly SemaphoreSlim gate = new(1, 1);
    private (VisaRequirementTable Table, bool Edited)? current;

    /// <summary>The table in force, from the database the first time and after each change.</summary>
    public async ValueTask<(VisaRequirementTable Table, bool Edited)> GetAsync(CancellationToken cancellationToken)
    {
        if (current is { } known)
        {
            return known;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is { } loaded)
            {
                return loaded;
            }

            await using var scope = scopes.CreateAsyncScope();
            var rows = await scope.ServiceProvider.GetRequiredService<VartioDbContext>().VisaRequirements.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);
            var table = rows.Count == 0 ? VisaRequirementTable.Standard : VisaRequirementTable.Create(rows.Select(ToEntry)).Table ?? VisaRequirementTable.Standard;
            current = (table, rows.Count > 0);
            return current.Value;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<VisaRequirementsResponse> ResponseAsync(CancellationToken cancellationToken)
    {
        var (table, edited) = await GetAsync(cancellationToken);
        return new VisaRequirementsResponse(edited, [.. table.Entries.Select(ToJson)]);
    }

    /// <summary>
    /// Replaces the lists with <paramref name="request"/>'s, all or nothing, audited; an empty list goes back to
    /// the shipped lists. Problems name the entry and field (<c>entries[3].from</c>).
    /// </summary>
    public async Task<(VisaRequirementsResponse? Lists, IReadOnlyList<Problem> Problems)> ReplaceAsync(VartioDbContext db, VisaRequirementsRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (request.Entries is null)
        {
            return (null, [new Problem("entries", "Give the entries: [] returns to the lists shipped with Vartio.")]);
        }

        if (request.Entries.Count > MaxEntries)
        {
            return (null, [new Problem("entries", $"At most {MaxEntries} entries.")]);
        }

        var problems = new List<Problem>();
        var entries = new List<VisaRequirementEntry>();
        for (var i = 0; i < request.Entries.Count; i++)
        {
            if (Read(request.Entries[i], $"entries[{i.ToString(CultureInfo.InvariantCulture)}]", problems) is { } entry)
            {
                entries.Add(entry);
            }
        }

        if (problems.Count == 0 && VisaRequirementTable.Create(entries) is { Table: null } invalid)
        {
            problems.AddRange(invalid.Problems);
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        await db.AuditedAsync(clock, async () =>
        {
            await db.VisaRequirements.ExecuteDeleteAsync(cancellationToken);
            db.VisaRequirements.AddRange(entries.Select(e => new VisaRequirementRow
            {
                Country = e.Country,
                Annex = e.Annex.ToString(),
                ValidFrom = e.From,
                ValidUntil = e.Until,
                Source = e.Source,
                Proviso = e.Proviso,
            }));
            await db.SaveChangesAsync(cancellationToken);
            return (0, new AuditRecord(Actors.Of(user), "visa-requirements.replaced", "visa-requirements", entries.Count == 0 ? "back to the shipped lists" : $"{entries.Count} entries"));
        }, cancellationToken);
        current = null;
        return (await ResponseAsync(cancellationToken), []);
    }

    private static VisaRequirementEntry? Read(VisaRequirementEntryJson? json, string field, List<Problem> problems)
    {
        if (json is null)
        {
            problems.Add(new Problem(field, "An entry is required here."));
            return null;
        }

        var before = problems.Count;
        var country = json.Country?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(country))
        {
            problems.Add(new Problem(field + ".country", "Give the nationality's alpha-3 code."));
        }

        VisaAnnex? annex = json.Annex?.Trim() switch
        {
            "annexI" => VisaAnnex.AnnexI,
            "annexII" => VisaAnnex.AnnexII,
            _ => null,
        };
        if (annex is null)
        {
            problems.Add(new Problem(field + ".annex", "Give annexI (visa required) or annexII (exempt)."));
        }

        var from = CrossingPoints.TimeInput.OptionalDate(json.From, field + ".from", problems);
        var until = CrossingPoints.TimeInput.OptionalDate(json.Until, field + ".until", problems);
        var source = json.Source?.Trim();
        if (string.IsNullOrEmpty(source))
        {
            problems.Add(new Problem(field + ".source", "Name the act that puts the nationality on the list."));
        }

        foreach (var (name, text, max) in new[] { ("source", source, 500), ("proviso", json.Proviso?.Trim(), 500) })
        {
            if (text is null)
            {
                continue;
            }

            if (StoredText.Fault(text) is { } fault)
            {
                problems.Add(new Problem($"{field}.{name}", fault));
            }
            else if (text.Length > max)
            {
                problems.Add(new Problem($"{field}.{name}", $"Keep it to {max} characters."));
            }
        }

        return problems.Count > before
            ? null
            : new VisaRequirementEntry(country!, annex!.Value, from, until, source!, string.IsNullOrWhiteSpace(json.Proviso) ? null : json.Proviso.Trim());
    }

    private static VisaRequirementEntry ToEntry(VisaRequirementRow row) =>
        new(row.Country, Enum.Parse<VisaAnnex>(row.Annex), row.ValidFrom, row.ValidUntil, row.Source, row.Proviso);

    private static VisaRequirementEntryJson ToJson(VisaRequirementEntry e) => new(
        e.Country,
        e.Annex == VisaAnnex.AnnexI ? "annexI" : "annexII",
        e.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.Source,
        e.Proviso);
}
