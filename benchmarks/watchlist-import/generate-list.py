#!/usr/bin/env python3
"""Writes a synthetic watchlist in Vartio's CSV format, for timing imports and index loads.

usage: generate-list.py ENTRIES OUT.csv [--seed N] [--change FRACTION]

Names are made of syllables, a fifth of them in Cyrillic; every tenth entry has an alias, every twentieth a
document, every hundredth is a lost or stolen document. --change rewrites that fraction of the names (same ids,
same seed), to time a re-import that updates entries.
"""
import argparse
import csv
import random

LATIN = ["ka", "lo", "mi", "ra", "sen", "to", "vi", "ne", "shu", "dar", "el", "an", "ov", "ko", "ri", "ma"]
CYRILLIC = ["ка", "ло", "ми", "ра", "сен", "то", "ви", "не", "шу", "дар", "ел", "ан", "ов", "ко", "ри", "ма"]
STATES = ["RUS", "UKR", "BLR", "SYR", "IRQ", "FIN", "EST", "GEO", "ARM", "KAZ"]


def name(rng, syllables):
    part = lambda: "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()
    return " ".join(part() for _ in range(rng.randint(2, 3)))


def main():
    args = argparse.ArgumentParser()
    args.add_argument("entries", type=int)
    args.add_argument("out")
    args.add_argument("--seed", type=int, default=5)
    args.add_argument("--change", type=float, default=0.0)
    a = args.parse_args()
    rng = random.Random(a.seed)
    changes = random.Random(a.seed + 1)
    with open(a.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "kind", "name", "aliases", "birth_date", "nationalities", "documents", "reason", "valid_from", "valid_until"])
        for i in range(a.entries):
            state = rng.choice(STATES)
            number = f"{rng.choice('ABCEKPX')}{rng.randint(1000000, 9999999)}"
            if i % 100 == 99:
                w.writerow([f"D-{i}", "lost-or-stolen-document", "", "", "", "", f"{state}:{number}", "reported stolen", "", ""])
                continue
            full = name(rng, CYRILLIC if i % 5 == 0 else LATIN)
            alias = name(rng, LATIN) if i % 10 == 0 else ""
            born = f"{rng.randint(1940, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if i % 3 else str(rng.randint(1940, 2005))
            if changes.random() < a.change:
                full = name(changes, LATIN)
            w.writerow([f"P-{i}", "refusal-of-entry" if i % 4 else "wanted-person", full, alias, born, state,
                        f"{state}:{number}" if i % 20 == 0 else "", "national register", "", ""])


if __name__ == "__main__":
    main()
