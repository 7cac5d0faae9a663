using System.Runtime.InteropServices;
using Vartio.Domain.Countries;

namespace Vartio.Domain.Screening;

public sealed partial class WatchlistIndex
{
    /// <summary>What a build collects before it is frozen into arrays.</summary>
    private sealed class Builder(WatchlistEntry[] entries)
    {
        public WatchlistEntry[] Entries { get; } = entries;

        public Dictionary<string, int[]> Documents { get; } = entries
            .SelectMany((e, index) => e.Documents.Select(d => (Key: DocumentKey(d.IssuingState, d.Number), Index: index)))
            .GroupBy(d => d.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => d.Index).Distinct().ToArray(), StringComparer.Ordinal);

        public List<int> NameEntry { get; } = new(entries.Length);

        public List<short> NameOrdinal { get; } = new(entries.Length);

        public List<(int Birth, int Nationality)> NameFacts { get; } = new(entries.Length);

        public Dictionary<string, int> NationalityIds { get; } = new(StringComparer.Ordinal);

        public List<int> NamePartStart { get; } = new(entries.Length + 1);

        public List<int> NameParts { get; } = new(entries.Length * 3);

        public List<PartInfo> Parts { get; } = [];

        public Dictionary<string, int> KeyIds { get; } = new(StringComparer.Ordinal);

        public List<string> Keys { get; } = [];

        private readonly Dictionary<string, int> partIds = new(StringComparer.Ordinal);
        private readonly List<int> postingKey = new(entries.Length * 4);
        private readonly List<int> postingName = new(entries.Length * 4);

        public void AddNames()
        {
            var partsOfName = new List<int>(8);
            for (var e = 0; e < Entries.Length; e++)
            {
                var entry = Entries[e];
                var ordinal = 0;
                foreach (var text in entry.Names)
                {
                    if (ordinal > short.MaxValue)
                    {
                        break;
                    }

                    partsOfName.Clear();
                    foreach (var part in Screening.NameParts.Split(text))
                    {
                        partsOfName.Add(PartId(part));
                    }

                    if (partsOfName.Count > 0 && partsOfName.Count <= MaxParts)
                    {
                        var name = NameEntry.Count;
                        NameEntry.Add(e);
                        NameOrdinal.Add((short)ordinal);
                        NameFacts.Add((entry.BirthDate.Packed, NationalityOf(entry)));
                        NamePartStart.Add(NameParts.Count);
                        NameParts.AddRange(partsOfName);
                        foreach (var id in partsOfName)
                        {
                            var info = Parts[id];
                            if (info.IsInitial)
                            {
                                continue;
                            }

                            foreach (var key in info.KeyIds)
                            {
                                postingKey.Add(key);
                                postingName.Add(name);
                            }
                        }
                    }

                    ordinal++;
                }
            }

            NamePartStart.Add(NameParts.Count);
        }

        private int NationalityOf(WatchlistEntry entry)
        {
            if (entry.Nationalities.Count != 1)
            {
                return entry.Nationalities.Count == 0 ? NoNationality : SeveralNationalities;
            }

            var code = Country.Normalise(entry.Nationalities[0]);
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(NationalityIds, code, out var known);
            if (!known)
            {
                id = NationalityIds.Count - 1;
            }

            return id;
        }

        private int PartId(NamePart part)
        {
            var lookup = part.Script == Script.Latin ? part.Normalised : $"{part.Normalised}\u0001{(int)part.Script}";
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(partIds, lookup, out var exists);
            if (exists)
            {
                return id;
            }

            var partKeys = NameKeys.Keys(part.Normalised, part.Script);
            if (part.Script == Script.Latin && !part.IsInitial)
            {
                partKeys = [.. partKeys, NameKeys.LatinSkeletonKey(partKeys[0])];
            }

            var ids = new int[partKeys.Length];
            for (var i = 0; i < partKeys.Length; i++)
            {
                ref var keyId = ref CollectionsMarshal.GetValueRefOrAddDefault(KeyIds, partKeys[i], out var known);
                if (!known)
                {
                    keyId = Keys.Count;
                    Keys.Add(partKeys[i]);
                }

                ids[i] = keyId;
            }

            id = Parts.Count;
            Parts.Add(new PartInfo(part.Normalised, part.Script, part.IsInitial, part.IsMinor, partKeys, ids));
            return id;
        }

        /// <summary>Names per key, ascending and without repeats (a name with two parts of one key is listed once).</summary>
        public (int[] Start, int[] Postings) Postings()
        {
            var start = new int[Keys.Count + 1];
            foreach (var key in postingKey)
            {
                start[key + 1]++;
            }

            for (var k = 0; k < Keys.Count; k++)
            {
                start[k + 1] += start[k];
            }

            var fill = start[..^1];
            var postings = new int[postingKey.Count];
            for (var i = 0; i < postingKey.Count; i++)
            {
                var key = postingKey[i];
                var at = fill[key];
                if (at > start[key] && postings[at - 1] == postingName[i])
                {
                    continue;
                }

                postings[at] = postingName[i];
                fill[key] = at + 1;
            }

            // Compact away the places left by repeats.
            var compact = new int[Keys.Count + 1];
            var write = 0;
            for (var k = 0; k < Keys.Count; k++)
            {
                compact[k] = write;
                for (var at = start[k]; at < fill[k]; at++)
                {
                    postings[write++] = postings[at];
                }
            }

            compact[Keys.Count] = write;
            return (compact, postings[..write]);
        }
    }
}
