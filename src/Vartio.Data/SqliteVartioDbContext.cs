using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;

namespace Vartio.Data;

/// <summary>
/// SQLite, the embedded default. SQLite has no date types and no NodaTime plugin serves EF Core 10, so
/// instants are stored as integer ticks since the Unix epoch (ordered and exact) and local dates as ISO text
/// (ordered and readable).
/// </summary>
public sealed class SqliteVartioDbContext(DbContextOptions<SqliteVartioDbContext> options) : VartioDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Instant>().HaveConversion<InstantTicksConverter>();
        configurationBuilder.Properties<LocalDate>().HaveConversion<LocalDateTextConverter>();
    }
}

public sealed class InstantTicksConverter() : ValueConverter<Instant, long>(
    instant => instant.ToUnixTimeTicks(),
    ticks => Instant.FromUnixTimeTicks(ticks));

public sealed class LocalDateTextConverter() : ValueConverter<LocalDate, string>(
    date => LocalDatePattern.Iso.Format(date),
    text => LocalDatePattern.Iso.Parse(text).Value);

/// <summary>Lets <c>dotnet ef</c> create the SQLite migrations.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteVartioDbContext>
{
    public SqliteVartioDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteVartioDbContext>().UseSqlite("Data Source=design.db").Options);
}
