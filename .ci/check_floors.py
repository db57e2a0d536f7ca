#!/usr/bin/env python3
"""Compare evaluation scores (run.sh --json) with the floors in floors.json.

Usage: check_floors.py FLOORS.json SCORES.json
floors.json maps "corpus.measure" (e.g. "gum.people") to the lowest F1
allowed; alias_purity is a plain number. Exits 1 when any score is lower.
"""
import json
import sys


def value(scores, key):
    corpus, measure = key.split(".", 1)
    v = scores[corpus][measure]
    return v["f1"] if isinstance(v, dict) else v


def main():
    floors = json.load(open(sys.argv[1]))
    scores = json.load(open(sys.argv[2]))
    failed = 0
    for key, floor in sorted(floors.items()):
        got = value(scores, key)
        ok = got is not None and got + 1e-9 >= floor
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {key:32} {got:.4f}  (floor {floor:.4f})")
    print(f"{len(floors) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
