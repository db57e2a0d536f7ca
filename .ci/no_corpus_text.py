#!/usr/bin/env python3
"""Fails if a file tracked in the repo shares a run of words with the corpora.

    python3 .ci/no_corpus_text.py CORPUS_DIR [N]

The project may hold facts taken from the corpora (names, word lists) but
never their sentences. This check reads every .txt file under CORPUS_DIR
(../shared/corpus: the GUM and PolNeAR splits and the seed articles),
cuts it into runs of N words (default 8, lower-cased, punctuation
dropped), and looks for any of those runs in the files git tracks. Each
hit is printed with the repo file, its line and the corpus file, and the
exit status is 1. Files git marks as binary are skipped.
"""

import os
import re
import subprocess
import sys

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text):
    return WORD.findall(text.lower())


def shingles(ws, n):
    for i in range(len(ws) - n + 1):
        yield " ".join(ws[i : i + n])


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    corpus = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    if not os.path.isdir(corpus):
        print(f"no_corpus_text: {corpus} absent, check skipped")
        return 0

    seen = {}
    for root, _, files in os.walk(corpus):
        for name in sorted(files):
            if not name.endswith(".txt"):
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8", errors="replace") as f:
                for s in shingles(words(f.read()), n):
                    seen.setdefault(s, path)

    tracked = subprocess.run(
        ["git", "ls-files", "-z"], capture_output=True, check=True
    ).stdout.split(b"\0")
    hits = 0
    for raw in tracked:
        if not raw:
            continue
        path = raw.decode()
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError:
            continue
        if b"\0" in data[:8192]:
            continue
        text = data.decode("utf-8", errors="replace").lower()
        # The whole file is one stream of words, so a run split over
        # several lines is found too; the hit names the line it starts on.
        found = [(m.group(0), m.start()) for m in WORD.finditer(text)]
        ws = [w for w, _ in found]
        for i, s in enumerate(shingles(ws, n)):
            if s in seen:
                hits += 1
                line = text.count("\n", 0, found[i][1]) + 1
                print(f"{path}:{line}: \"{s}\" also in {seen[s]}")
                break
    if hits:
        print(f"no_corpus_text: {hits} line(s) share {n} words with the corpora")
        return 1
    print(f"no_corpus_text: {len(tracked) - 1} files, no run of {n} corpus words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
