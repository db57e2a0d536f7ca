#!/usr/bin/env bash
# Throughput of `actorgraph build` in MB/s, one thread and all threads, with
# peak memory.
#
#   benches/bench.sh [--mb N] [--scale K] [--runs R] [--spacy PYTHON] [--jsonl]
#
# The corpus is the PolNeAR train texts under ../shared/corpus (or the
# directory in $ACTORGRAPH_BENCH_CORPUS), copied into a temp dir again and
# again until it holds N MB (default 16), times K (default 1; use 4 to
# check that memory stays flat). Without ../shared, articles are generated
# from invented names. Nothing is written in the repo. $ACTORGRAPH_BENCH_BIN
# names another actorgraph binary to time instead of this tree's.
#
# --jsonl also writes the same texts as one JSON Lines file (one record a
# text, with an id, an outlet and a date; needs python3) and times `build`
# on it: with --dedup none (the same work as the files: the ratio to the
# files' MB/s is the cost of reading records), and with the default
# --dedup exact (its first pass; the corpus repeats its texts to reach N
# MB, and exact dedup reads each once, so its MB/s is not comparable).
# Warnings (the duplicates found) go to a file, not the screen.
#
# --spacy PYTHON also times spaCy (en_core_web_sm, the full pipeline, via
# benches/spacy_speed.py) on the same files with that Python, and prints
# the ratio.
set -euo pipefail

cd "$(dirname "$0")/.."
mb=16
scale=1
runs=3
spacy=""
jsonl=0
while [ $# -gt 0 ]; do
    case "$1" in
        --mb) mb="$2"; shift 2 ;;
        --scale) scale="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --spacy) spacy="$2"; shift 2 ;;
        --jsonl) jsonl=1; shift ;;
        *) echo "usage: $0 [--mb N] [--scale K] [--runs R] [--spacy PYTHON] [--jsonl]" >&2; exit 2 ;;
    esac
done

# $ACTORGRAPH_BENCH_BIN times another build of actorgraph (an older commit,
# say) on the same corpus instead of this tree's.
if [ -n "${ACTORGRAPH_BENCH_BIN:-}" ]; then
    bin=$ACTORGRAPH_BENCH_BIN
else
    cargo build --release -q
    bin=target/release/actorgraph
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus"
mkdir -p "$corpus"
want=$((mb * scale * 1000 * 1000))

src="${ACTORGRAPH_BENCH_CORPUS:-../shared/corpus/polnear/train}"
have=0
copy=0
if [ -d "$src" ] && ls "$src"/*.txt > /dev/null 2>&1; then
    echo "corpus: $src (*.txt), repeated to $((mb * scale)) MB"
    whole=$(cat "$src"/*.txt | wc -c)
    while [ "$have" -lt "$want" ]; do
        d="$corpus/r$(printf %03d "$copy")"
        mkdir "$d"
        if [ $((have + whole)) -le "$want" ]; then
            cp "$src"/*.txt "$d/"
            have=$((have + whole))
        else
            for f in "$src"/*.txt; do
                [ "$have" -ge "$want" ] && break
                cp "$f" "$d/"
                have=$((have + $(stat -c %s "$f")))
            done
        fi
        copy=$((copy + 1))
    done
else
    echo "corpus: ../shared is absent; generated articles, $((mb * scale)) MB"
    # Invented people and organizations in news-like sentences.
    awk -v want="$want" -v dir="$corpus" 'BEGIN {
        srand(7);
        n = split("Ines Tavi Odile Mira Paulo Quillon Tamsin Bram Leontyne Oskar Yara Dario", g, " ");
        m = split("Varga Renn Marsh Doss Brandt Darrowby Hale Okafor Ambris Kestrel Quade Pellan", s, " ");
        k = split("the Ministry of Harbors|Northwind Freight Inc.|the Copper Valley Council|Almanac Bank", o, "|");
        total = 0; doc = 0;
        while (total < want) {
            file = sprintf("%s/gen%06d.txt", dir, doc++);
            text = "";
            for (p = 0; p < 8; p++) {
                a = g[int(rand()*n)+1] " " s[int(rand()*m)+1];
                b = g[int(rand()*n)+1] " " s[int(rand()*m)+1];
                org = o[int(rand()*k)+1];
                text = text "Mayor " a " met " b " on Tuesday to discuss the toll on barges. " \
                    "\"We cannot wait another season,\" " a " said. According to " org \
                    ", the talks ran late, and " b " told reporters that he expected a vote by March.\n\n";
            }
            printf "%s", text > file; close(file);
            total += length(text);
        }
    }'
fi
bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
files=$(find "$corpus" -type f | wc -l)
echo "size: $bytes bytes in $files files; cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"

timer=""
if [ -x /usr/bin/time ]; then timer=/usr/bin/time; fi

# One run: prints "seconds user_seconds peak_kb". $1 threads, then the
# inputs and options of `build`.
one() {
    local threads=$1
    shift
    if [ -n "$timer" ]; then
        "$timer" -f "%e %U %M" -o "$work/time" "$bin" build -q --threads "$threads" "$@" > "$work/out.dot" 2> "$work/err"
        cat "$work/time"
    else
        local t0 t1
        t0=$(date +%s.%N)
        "$bin" build -q --threads "$threads" "$@" > "$work/out.dot" 2> "$work/err"
        t1=$(date +%s.%N)
        echo "$(echo "$t1 - $t0" | bc) - -"
    fi
}

# The best of $runs runs: "label" then the arguments of `one` after the
# thread count; sets secs_<threads> and user_<threads> (with a prefix).
measure() {
    local prefix=$1
    shift
    local name=$1
    shift
    for threads in 1 0; do
        label=$([ "$threads" = 1 ] && echo "1 thread" || echo "all threads")
        best=""
        for _ in $(seq "$runs"); do
            read -r secs user kb < <(one "$threads" "$@")
            if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then
                best=$secs; best_user=$user; best_kb=$kb
            fi
        done
        awk -v b="$bytes" -v s="$best" -v u="$best_user" -v kb="$best_kb" -v l="$label" -v n="$name" 'BEGIN {
            cpu = (u + 0 > 0) ? sprintf("%.1f MB per CPU-second", b / u / 1e6) : "-"
            printf "%s, %-11s: %6.2f s  %6.1f MB/s  (user %s s, %s; peak RSS %s KB)\n", n, l, s, b / s / 1e6, u, cpu, kb
        }'
        eval "${prefix}secs_$threads=$best ${prefix}user_$threads=$best_user"
    done
}

measure "" "build" "$corpus"

if [ "$jsonl" = 1 ]; then
    # The same texts as one JSON Lines file; MB/s below are of the texts.
    python3 - "$corpus" "$work/corpus.jsonl" <<'PY'
import json, os, sys
root, out = sys.argv[1], sys.argv[2]
outlets = ["Harbor Wire", "Quay Daily", "River Ledger", "Almanac Times"]
with open(out, "w", encoding="utf-8") as f:
    n = 0
    for d, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            p = os.path.join(d, name)
            text = open(p, encoding="utf-8", errors="replace").read()
            rec = {"id": os.path.relpath(p, root), "source": outlets[n % 4],
                   "date": "2016-%02d-%02d" % (n % 12 + 1, n % 28 + 1), "text": text}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
PY
    echo "jsonl: $(stat -c %s "$work/corpus.jsonl") bytes in one file ($files records)"
    measure j "jsonl, --dedup none" "$work/corpus.jsonl" --dedup none
    measure e "jsonl, --dedup exact" "$work/corpus.jsonl"
    awk -v a="$secs_1" -v b="$jsecs_1" -v c="$secs_0" -v d="$jsecs_0" 'BEGIN {
        printf "jsonl (--dedup none) / files: %.1f%% of the MB/s on 1 thread, %.1f%% on all threads\n", 100 * a / b, 100 * c / d
    }'
fi

if [ -n "$spacy" ]; then
    echo "spaCy ($spacy), one process, a 1 MB sample of the same files:"
    read -r sb ss sc < <("$spacy" benches/spacy_speed.py "$corpus" 1)
    awk -v b="$bytes" -v sb="$sb" -v ss="$ss" -v sc="$sc" -v a="$secs_1" -v n="$secs_0" -v u="$user_1" 'BEGIN {
        rate = sb / ss / 1e6
        printf "spaCy en_core_web_sm: %8.3f MB/s  (%d bytes in %.1f s; %.3f MB per CPU-second)\n", rate, sb, ss, sb / sc / 1e6
        printf "actorgraph / spaCy  : %.0fx (1 thread), %.0fx (all threads), %.0fx per CPU-second\n", b / a / 1e6 / rate, b / n / 1e6 / rate, (b / u) / (sb / sc)
    }'
fi
