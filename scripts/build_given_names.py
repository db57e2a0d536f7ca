#!/usr/bin/env python3
"""Compile src/mentions/data/given_names.txt from open data.

Source: the 1990 United States Census given-name frequency lists
(dist.male.first, dist.female.first; public domain, a work of the US
Government), as shipped by the PyPI package `names` 0.3.0 (MIT; its README
states the data files are public domain). Filter: a name whose lower-case
form is a common English word in Webster's Second International (1934,
public domain; the `web2` list of the PyPI package `english-words` 2.0.2,
MIT) is left out ("Basil", "Jade") unless it is among the most
frequent names of its list, as are names already in first_names.txt (the
curated list wins). Only names, one a line, with a gender letter: facts.

Rebuild (from the repository root):

    pip install --target /tmp/names-data names==0.3.0 english-words==2.0.2
    PYTHONPATH=/tmp/names-data python3 scripts/build_given_names.py
"""
import os
import sys

import english_words
import names

TOP = 150  # names this frequent stay even when they are English words
OUT = "src/mentions/data/given_names.txt"
CURATED = "src/mentions/data/first_names.txt"
# Names that are also places, common words or things in the stage's lists
# are left to those lists ("Paris", "Georgia").
OTHERS = [
    "places.txt", "common.txt", "non_person.txt", "org_words.txt", "modifiers.txt",
    "titles.txt", "particles.txt", "org_modifiers.txt",
]


def read(path):
    out = []
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if parts:
                out.append((parts[0].capitalize(), float(parts[1])))
    return out


def main():
    here = os.path.dirname(names.__file__)
    male = read(os.path.join(here, "dist.male.first"))
    female = read(os.path.join(here, "dist.female.first"))
    web2 = english_words.get_english_words_set(["web2"], alpha=True)
    curated = set()
    with open(CURATED, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                curated.add(line.split()[0])
    others = set()
    for name in OTHERS:
        with open(os.path.join("src/mentions/data", name), encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    others.add(line.strip().split()[0].lower())
    freq = {"m": {}, "f": {}}
    keep = {}
    for g, lst in (("m", male), ("f", female)):
        for rank, (n, p) in enumerate(lst):
            freq[g][n] = p
            if len(n) < 3 or n in curated or n.lower() in others:
                continue
            if n.lower() in web2 and rank >= TOP:
                continue
            keep[n] = True
    rows = []
    for n in sorted(keep):
        m, f = freq["m"].get(n, 0.0), freq["f"].get(n, 0.0)
        g = "m" if m > 10 * f else "f" if f > 10 * m else "-"
        rows.append(f"{n} {g}")
    with open(OUT, "w", encoding="utf-8") as out:
        out.write(
            "# Given names from open data, compiled by scripts/build_given_names.py:\n"
            "# the 1990 US Census given-name lists (public domain), as shipped by the\n"
            "# PyPI package names 0.3.0, less common English words (Webster's 2nd,\n"
            "# public domain, via english-words 2.0.2) and the names of first_names.txt.\n"
            "# Licence: public domain. Rebuilt with:\n"
            "#   pip install --target /tmp/names-data names==0.3.0 english-words==2.0.2\n"
            "#   PYTHONPATH=/tmp/names-data python3 scripts/build_given_names.py\n"
            "# Do not edit by hand: add names to first_names.txt. Format as there.\n"
            "# Example: Mandy Orlow arrived early. -> person Mandy Orlow\n"
            "# Example: Thaddeus Orlow met the board. -> person Thaddeus Orlow\n"
        )
        for r in rows:
            out.write(r + "\n")
    print(f"{OUT}: {len(rows)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
