#!/usr/bin/env python3
"""An invented news corpus as JSON Lines, for the Spark job's test and bench.

    python3 examples/spark/make_corpus.py --docs 300 --seed 7 > docs.jsonl
    python3 examples/spark/make_corpus.py --mb 200 > big.jsonl

Every name, outlet and sentence is made up here (no corpus text). The
records exercise what a partitioned build could get wrong: the same people
across documents and outlets, surnames alone in some documents (which
corpus-level identity joins, or not, on counts over the whole corpus),
dates in several forms, HTML bodies, records named by `url` only or by
nothing (their id is then FILE#LINE), blank lines, and, with `--bad N`,
bad records (bad JSON, no text, a field that is an object, an unreadable
date) that the job must count and report, not stop on.
"""

import argparse
import json
import random
import sys

GIVEN = ["Ines", "Paulo", "Lena", "Marta", "Tomas", "Odile", "Rafael", "Keiko", "Amara",
         "Bruno", "Signe", "Dario", "Yusra", "Felix", "Noor", "Hana", "Emil", "Clara",
         "Matteo", "Zofia", "Anton", "Leila", "Oskar", "Priya"]
SURNAMES = ["Varga", "Brandt", "Okafor", "Reyes", "Lindqvist", "Moreau", "Tanaka", "Quist",
            "Halloran", "Petrov", "Adeyemi", "Castell", "Novak", "Ferreira", "Ambrose",
            "Kowal", "Serrano", "Whitlock", "Osei", "Marchetti"]
TITLES = ["Mayor", "Senator", "Minister", "Councillor", "Judge", "Governor", "Dr."]
ROLES = ["the harbour master", "a city engineer", "the union's spokeswoman",
         "the port's lawyer", "a ferry captain", "the finance officer"]
ORGS = ["Harbor Council", "Quay Workers Union", "Northern Ferry Company", "Port Authority",
        "Coastal Shipping Board", "Tidewater Bank", "Lantern Party", "River Guild"]
OUTLETS = ["Harbor Wire", "Quay Daily", "Tidewater Times", "Lantern Post", "Channel Herald"]
CUES = ["said", "told reporters", "argued", "warned", "insisted", "claimed", "added",
        "announced", "denied"]
TOPICS = ["the toll on barges would be cut", "the bridge repairs were late",
          "the ferry timetable would change in spring", "the dock budget had been misused",
          "the strike could end within a week", "the new pier was safe",
          "the harbour dredging had to wait", "fares would rise next year",
          "the council had ignored the fishermen", "the tunnel plan was too costly"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def person(rng):
    given = rng.choice(GIVEN)
    if rng.random() < 0.08:
        given += f" {rng.choice('ABCDEKLMRT')}."  # a middle initial
    return given, rng.choice(SURNAMES)


def by_surname(rng, people, orgs):
    """A sentence naming someone by title and surname only."""
    _, s = rng.choice(people)
    return rng.choice([
        f"{rng.choice(TITLES)} {s} {rng.choice(CUES)} that {rng.choice(TOPICS)}.",
        f"{s} {rng.choice(CUES)} that {rng.choice(TOPICS)}, the {rng.choice(orgs)} said.",
    ])


def sentence(rng, people, orgs):
    g, s = rng.choice(people)
    full = f"{g} {s}"
    topic = rng.choice(TOPICS)
    cue = rng.choice(CUES)
    other = rng.choice(people)
    org = rng.choice(orgs)
    forms = [
        f"{rng.choice(TITLES)} {full} {cue} that {topic}.",
        f"{full}, {rng.choice(ROLES)}, {cue} that {topic}.",
        f"\"We will not wait,\" {full} {cue.split()[0]}.",
        f"According to {full}, {topic}.",
        f"{s} {cue} on Tuesday that {topic}, and {other[0]} {other[1]} disagreed.",
        f"The {org} {cue} that {topic}.",
        f"{full} met {other[0]} {other[1]} of the {org} on Friday.",
        f"{s} later {cue} that {topic}.",
        f"She {cue} the {org} had known for months.",
    ]
    return rng.choice(forms)


def date(rng, year, month, day):
    forms = [
        f"{year}-{month:02d}-{day:02d}",
        f"{MONTHS[month - 1]} {day}, {year}",
        f"{day} {MONTHS[month - 1]} {year}",
        f"{year}-{month:02d}-{day:02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00Z",
        f"{year}/{month:02d}/{day:02d}",
    ]
    return rng.choice(forms)


def document(rng, n):
    people = [person(rng) for _ in range(rng.randint(2, 4))]
    orgs = rng.sample(ORGS, 2)
    paras = []
    # some documents name their people by surname only: corpus-level
    # identity then decides, on counts over the whole corpus, whom they mean
    write = by_surname if rng.random() < 0.15 else sentence
    for _ in range(rng.randint(2, 6)):
        paras.append(" ".join(write(rng, people, orgs) for _ in range(rng.randint(2, 5))))
    year, month, day = 2016 + rng.randrange(3), rng.randint(1, 12), rng.randint(1, 28)
    rec = {"title": f"{orgs[0]} and the {rng.choice(['toll', 'pier', 'strike', 'budget'])}",
           "source": rng.choice(OUTLETS), "date": date(rng, year, month, day)}
    kind = rng.random()
    if kind < 0.1:
        rec["url"] = f"https://news.example/{n}"  # named by its url
    elif kind < 0.14:
        pass  # no id, no url: FILE#LINE
    else:
        rec["id"] = f"doc-{n:07d}"
    if rng.random() < 0.1:
        rec["html"] = "<html><body><nav>Home | World</nav>" + "".join(
            f"<p>{p}</p>" for p in paras) + "<footer>(c) Example</footer></body></html>"
    else:
        rec["text"] = "\n\n".join(paras)
    return rec


def bad(rng, n):
    forms = [
        '{"id": "bad-%d", "text": "Ines Varga said' % n,  # cut JSON
        json.dumps({"id": f"bad-{n}", "title": "no text here"}),
        json.dumps({"id": f"bad-{n}", "text": {"nested": "object"}}),
        json.dumps({"id": f"bad-{n}", "date": "the day after the storm",
                    "text": "Paulo Brandt said the storm was over."}),
    ]
    return forms[n % len(forms)]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--docs", type=int, default=0, help="number of documents")
    p.add_argument("--mb", type=float, default=0, help="or: about this many MB")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--bad", type=int, default=0, help="bad records spread through the file")
    p.add_argument("--blank", action="store_true", help="add some blank lines")
    p.add_argument("--copies", action="store_true",
                   help="repeat some records far apart: wire copies (the same text under "
                        "another id and outlet, white space changed) and the same id twice")
    a = p.parse_args()
    rng = random.Random(a.seed)
    out = sys.stdout
    limit = a.mb * 1e6 if a.mb else None
    docs = a.docs if a.docs else (10**12 if limit else 200)
    total = 0
    bad_every = max(docs // (a.bad + 1), 1) if a.bad and not limit else 0
    bad_done = 0
    n = 0
    earlier = []
    while n < docs and (limit is None or total < limit):
        rec = document(rng, n)
        if a.copies and earlier and rng.random() < 0.08:
            old = dict(rng.choice(earlier))
            if rng.random() < 0.6 and "text" in old:
                old["id"] = f"wire-{n:07d}"  # a wire copy: same text, other outlet
                old["source"] = rng.choice(OUTLETS)
                old["text"] = old["text"].replace(". ", ".  ", 1) + "\n"
            rec = old  # else the same record again, id and all
        elif a.copies and len(earlier) < 500:
            earlier.append(rec)
        line = json.dumps(rec, ensure_ascii=False)
        out.write(line + "\n")
        total += len(line) + 1
        n += 1
        if bad_every and n % bad_every == 0 and bad_done < a.bad:
            out.write(bad(rng, bad_done) + "\n")
            bad_done += 1
        if a.blank and n % 37 == 0:
            out.write("\n")


if __name__ == "__main__":
    main()
