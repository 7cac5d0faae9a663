using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Vartio.Data;

/// <summary>PostgreSQL: NodaTime types map natively (timestamptz, date) through Npgsql's plugin.</summary>
public sealed class PostgresVartioDbContext(DbContextOptions<PostgresVartioDbContext> options) : VartioDbContext(options);

/// <summary>Lets <c>dotnet ef</c> create the PostgreSQL migrations (no server is contacted).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresVartioDbContext>
{
    public PostgresVartioDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresVartioDbContext>()
            .UseNpgsql("Host=localhost;Database=vartio_design", o => o.UseNodaTime())
            .Options);
}
