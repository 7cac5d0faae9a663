namespace Vartio.Domain.Screening;

public sealed partial class WatchlistIndex
{
    /// <summary>
    /// What one screening needs beyond its result, kept for the next: the candidates found, bit sets over the
    /// names, and the comparisons of the query's parts with each list part met. Lent to one screening at a
    /// time and sized for this index, so that a query allocates nothing in proportion to the list.
    /// </summary>
    private sealed class Scratch
    {
        private readonly Scratch?[] pool;

        // Per list part: the screening (by generation) that last compared it, and where its comparisons are.
        private readonly int[] comparedIn;
        private readonly int[] comparedAt;
        private readonly PartInfo[] listParts = new PartInfo[MaxParts];
        private PartComparison[] comparisons = new PartComparison[256];
        private bool[] shared = new bool[256];
        private int generation;
        private int used;

        private Scratch(WatchlistIndex index)
        {
            pool = index.scratches;
            comparedIn = new int[index.parts.Length];
            comparedAt = new int[index.parts.Length];
            Names = new NameBits(index.nameEntry.Length);
        }

        /// <summary>Room for the parts of one list name.</summary>
        public Span<PartInfo> ListParts(int count) => listParts.AsSpan(0, count);

        /// <summary>Candidate names, each once; empty when lent.</summary>
        public List<int> Candidates { get; } = new(256);

        /// <summary>The names in <see cref="Candidates"/>; clear when lent.</summary>
        public NameBits Names { get; }

        /// <summary>Room for one flag per name of the rarest query part, all false.</summary>
        public Span<bool> Shared(int count)
        {
            if (shared.Length < count)
            {
                shared = new bool[Math.Max(count, shared.Length * 2)];
            }

            var result = shared.AsSpan(0, count);
            result.Clear();
            return result;
        }

        public static Scratch Rent(WatchlistIndex index)
        {
            Scratch? kept = null;
            for (var slot = 0; slot < index.scratches.Length && kept is null; slot++)
            {
                kept = Interlocked.Exchange(ref index.scratches[slot], null);
            }

            var scratch = kept ?? new Scratch(index);
            if (++scratch.generation == int.MaxValue)
            {
                Array.Clear(scratch.comparedIn);
                scratch.generation = 1;
            }

            scratch.used = 0;
            return scratch;
        }

        public void Return()
        {
            foreach (var name in Candidates)
            {
                Names.Clear(name);
            }

            Candidates.Clear();
            for (var slot = 0; slot < pool.Length; slot++)
            {
                if (Interlocked.CompareExchange(ref pool[slot], this, null) is null)
                {
                    return;
                }
            }
        }

        /// <summary>The comparisons of each query part with list part <paramref name="id"/>, made the first time this screening meets it.</summary>
        public ReadOnlySpan<PartComparison> Compared(ReadOnlySpan<PartInfo> query, int id, PartInfo part)
        {
            if (comparedIn[id] != generation)
            {
                if (used + query.Length > comparisons.Length)
                {
                    Array.Resize(ref comparisons, Math.Max(comparisons.Length * 2, used + query.Length));
                }

                for (var q = 0; q < query.Length; q++)
                {
                    comparisons[used + q] = NameComparison.ComparePart(query[q], part);
                }

                comparedIn[id] = generation;
                comparedAt[id] = used;
                used += query.Length;
            }

            return comparisons.AsSpan(comparedAt[id], query.Length);
        }
    }
}
