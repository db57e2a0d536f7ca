#!/usr/bin/env bash
# The Spark job's throughput against the plain binary, in MB/s.
#
#   examples/spark/bench.sh [--mb N] [--runs R] [--partitions P]
#
# Writes an invented corpus of about N MB (default 200) of JSON Lines
# (examples/spark/make_corpus.py) in a temp dir, then times, best of R runs
# (default 1):
#   - `actorgraph build CORPUS --format json` with --threads 1 and 2;
#   - the Spark job in local mode with 1 and 2 executor threads
#     (`spark-submit --master local[1]` / `local[2]`; each task's
#     actorgraph runs one thread), P partitions (default: Spark's split of
#     the file, 32 MB each);
# checks that every graph is byte for byte the plain build's, and prints
# MB/s, the speed-up of 2 executors over 1 and the overhead of Spark against
# the plain binary on as many threads.
#
# Needs Python with PySpark ($ACTORGRAPH_PYTHON, else python3) and Java.
# $ACTORGRAPH_BENCH_BIN names the binary to time (default: this tree's
# release build, built first). Nothing is written in the repo.
set -euo pipefail

cd "$(dirname "$0")/../.."
mb=200
runs=1
partitions=""
while [ $# -gt 0 ]; do
    case "$1" in
        --mb) mb="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --partitions) partitions="$2"; shift 2 ;;
        *) echo "usage: $0 [--mb N] [--runs R] [--partitions P]" >&2; exit 2 ;;
    esac
done
py=${ACTORGRAPH_PYTHON:-python3}
if [ -n "${ACTORGRAPH_BENCH_BIN:-}" ]; then
    bin=$ACTORGRAPH_BENCH_BIN
else
    cargo build --release -q
    bin=$PWD/target/release/actorgraph
fi
submit=$(dirname "$py")/spark-submit
[ -x "$submit" ] || submit=spark-submit
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus.jsonl"
echo "== writing about $mb MB of invented JSON Lines"
"$py" examples/spark/make_corpus.py --mb "$mb" --seed 42 >"$corpus"
bytes=$(stat -c %s "$corpus")
echo "   $(wc -l <"$corpus") records, $bytes bytes"

now() { date +%s.%N; }
best=""
# time_best NAME CMD...: the best wall time of $runs runs, in $best
time_best() {
    local name=$1
    shift
    best=""
    for _ in $(seq "$runs"); do
        local t0 t1 t
        t0=$(now)
        "$@" >"$work/$name.log" 2>&1 || { echo "$name failed:"; tail -20 "$work/$name.log"; exit 1; }
        t1=$(now)
        t=$(echo "$t1 - $t0" | bc -l)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
    done
}
mbps() { echo "scale=1; $bytes / 1000000 / $1" | bc -l; }

declare -A secs
for threads in 1 2; do
    time_best "plain$threads" "$bin" build "$corpus" --format json -o "$work/plain$threads.json" \
        --threads "$threads" -q
    secs[plain$threads]=$best
    echo "plain build, --threads $threads: $(printf %.2f "$best") s, $(mbps "$best") MB/s"
done
cmp "$work/plain1.json" "$work/plain2.json"
for cores in 1 2; do
    time_best "spark$cores" env PYSPARK_PYTHON="$py" PYSPARK_DRIVER_PYTHON="$py" \
        SPARK_LOCAL_IP=127.0.0.1 "$submit" --master "local[$cores]" --driver-memory 2g \
        --conf spark.ui.enabled=false examples/spark/build_graph.py \
        --input "$corpus" --output "$work/spark$cores.json" --binary "$bin" \
        ${partitions:+--partitions "$partitions"}
    secs[spark$cores]=$best
    parts=$(grep -o '"partitions": [0-9]*' "$work/spark$cores.log" | tail -1 | grep -o '[0-9]*$')
    echo "spark local[$cores], $parts partitions: $(printf %.2f "$best") s, $(mbps "$best") MB/s"
    cmp "$work/plain1.json" "$work/spark$cores.json" && echo "   same bytes as the plain build"
done
echo "== summary ($((bytes / 1000000)) MB)"
echo "speed-up of local[2] over local[1]: $(echo "scale=2; ${secs[spark1]} / ${secs[spark2]}" | bc -l)"
echo "speed-up of --threads 2 over 1 (plain): $(echo "scale=2; ${secs[plain1]} / ${secs[plain2]}" | bc -l)"
echo "Spark's overhead, 1 core: $(echo "scale=1; 100 * (${secs[spark1]} / ${secs[plain1]} - 1)" | bc -l)%"
echo "Spark's overhead, 2 cores: $(echo "scale=1; 100 * (${secs[spark2]} / ${secs[plain2]} - 1)" | bc -l)%"
