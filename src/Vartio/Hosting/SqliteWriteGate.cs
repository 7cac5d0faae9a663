using Vartio.Data;

namespace Vartio.Hosting;

/// <summary>
/// Lets this process's writers to a SQLite database take turns in order. SQLite has one writer at a time; a
/// writer that finds the lock taken is retried by Microsoft.Data.Sqlite after sleeping 150 ms, so under load a few
/// unlucky requests wait many such sleeps while others pass them (the check's p99 was a multiple of 150 ms).
/// Waiting here instead, in arrival order, costs nothing when there is no contention. PostgreSQL needs no gate:
/// its writers wait on row locks.
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Waits for this process's turn to write to <paramref name="db"/>; disposing the result gives the turn on.</summary>
    public async ValueTask<IDisposable> EnterAsync(VartioDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db is not SqliteVartioDbContext)
        {
            return Turn.None;
        }

        await gate.WaitAsync(cancellationToken);
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim? gate) : IDisposable
    {
        public static readonly Turn None = new(null);

        private SemaphoreSlim? held = gate;

        public void Dispose() => Interlocked.Exchange(ref held, null)?.Release();
    }
}
