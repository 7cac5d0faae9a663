using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Vartio.Data.Entities;

namespace Vartio.Data;

/// <summary>PostgreSQL: NodaTime types map natively (timestamptz, date) through Npgsql's plugin.</summary>
public sealed class PostgresVartioDbContext(DbContextOptions<PostgresVartioDbContext> options) : VartioDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Opening hours are a document read and written whole: jsonb validates it on the way in and lets psql
        // query it. A webhook payload stays text: it is the exact body that is signed and sent, and jsonb
        // would reorder its keys. A check's conditions are a document as the hours are. A stored response to a
        // retried write stays text: it is returned byte for byte.
        builder.Entity<CrossingPointRow>().Property(x => x.HoursJson).HasColumnType("jsonb");
        builder.Entity<CheckRow>().Property(x => x.ConditionsJson).HasColumnType("jsonb");
    }
}

/// <summary>Lets <c>dotnet ef</c> create the PostgreSQL migrations (no server is contacted).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresVartioDbContext>
{
    public PostgresVartioDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresVartioDbContext>()
            .UseNpgsql("Host=localhost;Database=vartio_design", o => o.UseNodaTime())
            .Options);
}
