#!/usr/bin/env python3
"""The actor graph of a corpus of JSON Lines documents, built on Apache Spark.

    spark-submit --master 'local[2]' examples/spark/build_graph.py \\
        --input DOCS.jsonl --output graph.json [--format json] \\
        [--partitions N] [--binary PATH] [BUILD OPTIONS...]

gives the same bytes as `actorgraph build DOCS.jsonl --format json -o
graph.json`, however the records are shared out:

1. each input file is read as lines (`sc.textFile`); one pass counts each
   partition's lines, so that each line is numbered as actorgraph numbers
   it, and finds the records that actorgraph's duplicate search must see
   together (the same id; with --dedup exact or near, the same text white
   space aside), which are moved into the partition of the first of them;
2. each partition's records are piped through `actorgraph build --partial
   --input-format jsonl -` (a subprocess per task), which writes a partial
   graph: corpus-level identity is left for the end, so no share decides a
   join the whole corpus would not;
3. the partial's evidence says `"file": "-"` and the line in the pipe:
   the job puts back the input's path and line (and its path in `roots`),
   and a record with neither `id` nor `url`, whose id would be `-#LINE`,
   is given the id one build gives it, `FILE#LINE`;
4. the partials are merged in a tree, `--merge-fan-in` (16) at a time,
   each merge an `actorgraph build --partial a.json b.json ...` on an
   executor (the merge is associative and commutative, and refuses two
   graphs sharing some documents), until at most 16 are left;
5. the driver runs `actorgraph build LAST.json... --format FORMAT -o
   OUTPUT` with the build options: the last merge, then corpus-level
   identity, trimming and the export, once.

Bad records (bad JSON, no text, an unreadable date...) are reported by
actorgraph as `FILE:LINE: reason` (the job puts back the input's line),
counted, and listed in the job's summary; they do not stop the job, which
then exits with status 1, as actorgraph does. A task that fails or whose
actorgraph is killed is run again by Spark; its first attempt's output is
never used, so nothing is counted twice.

Every option the job does not know is a `build` option, passed through:
`--window`, `--names-only`, `--max-evidence`, `--period`, `--since`,
`--until`, `--field`, `--dedup`, `--aliases` go to every partial build
(and to the final one); `--min-weight`, `--top`, `--kinds`, `--weight`,
`--render`, `--layout`, `--cluster-by-document` only to the final one.
`--dedup` finds duplicates within a partition only (see the README).

The binary: `--binary PATH`, else `actorgraph` on PATH, else
`target/release/actorgraph` of this repository. On a cluster, ship it
with `spark-submit --files /path/to/actorgraph` and name it by its file
name (`--binary actorgraph`): a path that does not exist on an executor is
looked up among the files Spark shipped (`SparkFiles`). So is an
`--aliases` file.
"""

import argparse
import hashlib
import json
import re
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# build options that take no value
FLAGS = {"--names-only", "--cluster-by-document", "-q", "--quiet", "--stats"}
# build options that only the final build (identity, trimming, export) reads
FINAL_ONLY = {
    "--min-weight",
    "--top",
    "--kinds",
    "--weight",
    "--render",
    "--layout",
    "--cluster-by-document",
}
# options the job sets itself
OWN = {"--input-format", "-o", "--output", "--format", "-f", "--partial", "--threads"}
# bad-record messages kept for the summary
KEEP_MESSAGES = 50


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="actorgraph build on Spark: JSON Lines in, one graph out"
    )
    p.add_argument("--input", nargs="+", required=True, help="JSON Lines files (.jsonl, .jsonl.gz)")
    p.add_argument("--output", "-o", required=True, help="the graph (or export) to write")
    p.add_argument("--format", default="json", help="build's --format (default json)")
    p.add_argument("--partitions", type=int, default=0, help="partitions (default: Spark's split)")
    p.add_argument("--binary", default=None, help="the actorgraph binary")
    p.add_argument("--threads", type=int, default=0,
                   help="threads per actorgraph process (default: spark.task.cpus)")
    p.add_argument("--merge-fan-in", type=int, default=16,
                   help="partial graphs merged at a time (default 16)")
    p.add_argument("--summary", default=None, help="also write the job's summary as JSON here")
    # testing faults: the first attempt of this partition's task has its
    # actorgraph killed (SIGKILL), so Spark must run it again
    p.add_argument("--kill-first-attempt", type=int, default=None, help=argparse.SUPPRESS)
    args, rest = p.parse_known_args(argv)
    partial_opts, final_opts = split_build_options(rest)
    return args, partial_opts, final_opts


def split_build_options(rest):
    """The pass-through build options: (for every build, for the final one only)."""
    partial, final = [], []
    i = 0
    while i < len(rest):
        opt = rest[i]
        if not opt.startswith("-"):
            sys.exit(f"build_graph.py: unexpected argument {opt!r} (inputs go after --input)")
        name, has_value = opt.split("=", 1)[0], "=" in opt
        words = [opt]
        if name not in FLAGS and not has_value:
            if i + 1 >= len(rest):
                sys.exit(f"build_graph.py: {opt} needs a value")
            words.append(rest[i + 1])
        i += len(words)
        if name in OWN:
            sys.exit(f"build_graph.py: {name} is set by the job")
        if name in ("-q", "--quiet", "--stats"):
            continue
        final += words
        if name not in FINAL_ONLY:
            partial += words
    return partial, final


def default_binary():
    found = shutil.which("actorgraph")
    if found:
        return found
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "..", "target", "release", "actorgraph"))


def locate(path):
    """`path`, or the file of that name Spark shipped (`--files`)."""
    if os.path.exists(path):
        return path
    try:
        from pyspark import SparkFiles

        shipped = SparkFiles.get(os.path.basename(path))
        if os.path.exists(shipped):
            return shipped
    except Exception:  # no SparkContext here, or no such file
        pass
    return path


def localize(opts):
    """Options naming files (--aliases, --word-lists) with paths that exist here."""
    out = list(opts)
    for i, o in enumerate(out):
        for name in ("--aliases", "--word-lists"):
            if o == name and i + 1 < len(out):
                out[i + 1] = locate(out[i + 1])
            elif o.startswith(name + "="):
                out[i] = name + "=" + locate(o[len(name) + 1:])
    return out


def fields_of(opts):
    """The record fields named `id`, `url`, `text` and `html` under build's
    --field, in that order."""
    names = {"id": "id", "url": "url", "text": "text", "html": "html"}
    for i, o in enumerate(opts):
        spec = None
        if o == "--field" and i + 1 < len(opts):
            spec = opts[i + 1]
        elif o.startswith("--field="):
            spec = o[len("--field="):]
        for part in (spec or "").split(","):
            if "=" in part:
                k, v = part.split("=", 1)
                if k.strip() in names:
                    names[k.strip()] = v.strip()
    return names["id"], names["url"], names["text"], names["html"]


def dedup_of(opts):
    """build's --dedup (default exact)."""
    mode = "exact"
    for i, o in enumerate(opts):
        if o == "--dedup" and i + 1 < len(opts):
            mode = opts[i + 1]
        elif o.startswith("--dedup="):
            mode = o[len("--dedup="):]
    return mode


def as_text(v):
    return v if isinstance(v, str) else json.dumps(v)


def dedup_keys(line, file, lineno, fields, texts):
    """What actorgraph's duplicate search compares a record by: its id (the
    `id`, else the `url`, else FILE#LINE, trimmed) and, with `texts`, its
    body with white space collapsed (hashed). Records sharing a key must be
    read by one task, in input order, to be told apart as one build does.
    A bad record has none: actorgraph reports it, whatever its partition."""
    id_field, url_field, text_field, html_field = fields
    try:
        rec = json.loads(line)
    except ValueError:
        return []
    if not isinstance(rec, dict):
        return []
    ident = rec.get(id_field)
    if missing(ident):
        ident = rec.get(url_field)
    if missing(ident):
        # FILE#LINE: unique, unless another record's id spells it
        keys = [None if lineno is None else f"i{file}#{lineno}"]
    else:
        keys = ["i" + as_text(ident).strip()]
    if texts:
        # both fields when both are there: keying on more than actorgraph
        # compares only puts more records together, which is harmless
        for f in (html_field, text_field):
            body = rec.get(f)
            if isinstance(body, str) and body:
                # str.split's white space includes actorgraph's four
                # (coarser: harmless), and is faster than a regex
                collapsed = " ".join(body.split())
                digest = hashlib.blake2b(collapsed.encode("utf-8", "surrogatepass"),
                                         digest_size=16).hexdigest()
                keys.append("t" + digest)
    return keys


def missing(v):
    return v is None or v == ""


def with_id(line, file, lineno, id_field, url_field):
    """The record, given the id `FILE#LINE` when it has no id and no url
    (as one build names it); other records, good or bad, as they are."""
    try:
        rec = json.loads(line)
    except ValueError:
        return line
    if not isinstance(rec, dict) or not missing(rec.get(id_field)) or not missing(rec.get(url_field)):
        return line
    rec[id_field] = f"{file}#{lineno}"
    return json.dumps(rec, ensure_ascii=False)


PIPE_PLACE = re.compile(r'"file": "-",(\s*)"line": ([0-9]+)')
BUILD_KEY = "\n  \"build\": {"


def relocate_text(text, origin):
    """relocate() on the partial graph's text as actorgraph writes it
    (pretty JSON, evidence fields in the order doc, start, end, file, line,
    date; quotes inside strings are escaped, so the pattern only matches
    evidence): no parse, no serialization. None when the text is not of
    that shape (then the caller parses it)."""
    if "\n  \"roots\": [" in text or text.count(BUILD_KEY) != 1:
        return None

    def put_back(m):
        f, n = origin[int(m.group(2)) - 1]
        return f'"file": {json.dumps(f, ensure_ascii=False)},{m.group(1)}"line": {n}'

    text = PIPE_PLACE.sub(put_back, text)
    if '"file": "-"' in text:
        return None
    roots = sorted({f for f, _ in origin})
    listed = ",".join("\n    " + json.dumps(f, ensure_ascii=False) for f in roots)
    return text.replace(BUILD_KEY, f'\n  "roots": [{listed}\n  ],{BUILD_KEY}', 1)


def relocate(graph, origin):
    """Put back the input's path and line in a partial graph's evidence."""
    for e in graph.get("edges", []):
        for ev in e.get("evidence", []):
            if ev.get("file") == "-" and isinstance(ev.get("line"), int):
                ev["file"], ev["line"] = origin[ev["line"] - 1]
    graph["roots"] = sorted(set(graph.get("roots", [])) | {f for f, _ in origin})
    return graph


AT_PIPE = re.compile(r" at -:([0-9]+)")


def at_input(m, origin):
    k = int(m.group(1))
    if 0 < k <= len(origin):
        return " at {}:{}".format(*origin[k - 1])
    return m.group(0)


def summary_line(stderr_text, origin):
    """Stats, messages (input lines put back) from actorgraph's standard error."""
    stats, messages = {}, []
    for line in stderr_text.splitlines():
        if line.startswith("{") and line.endswith("}"):
            try:
                stats = json.loads(line)
                continue
            except ValueError:
                pass
        prefix = "actorgraph: -:"
        if line.startswith(prefix):
            num, _, reason = line[len(prefix):].partition(":")
            if num.isdigit() and 0 < int(num) <= len(origin):
                f, n = origin[int(num) - 1]
                line = f"actorgraph: {f}:{n}:{reason}"
        messages.append(AT_PIPE.sub(lambda m: at_input(m, origin), line))
    return stats, messages


def empty_result():
    return {"graph": None, "documents": 0, "skipped": 0, "failed": 0, "duplicates": 0,
            "records": 0, "bytes": 0, "partials": 0, "messages": [], "more_messages": 0}


def build_partition(conf):
    """The task: one partition's records through `actorgraph build --partial`."""

    def run(index, rows):
        from pyspark import TaskContext

        ctx = TaskContext.get()
        binary = locate(conf["binary"])
        id_field, url_field, _, _ = fields_of(conf["partial_opts"])
        tmp = tempfile.mkdtemp(prefix="actorgraph-spark-")
        try:
            out = os.path.join(tmp, "partial.json")
            err_path = os.path.join(tmp, "stderr")
            cmd = [binary, "build", "--partial", "--stats", "--input-format", "jsonl",
                   "--format", "json", "-o", out, "--threads", str(conf["threads"]),
                   *localize(conf["partial_opts"]), "-"]
            res = empty_result()
            origin = []
            with open(err_path, "wb") as err:
                proc = None
                for (fi, lineno), line in rows:
                    file = conf["files"][fi]
                    if not line.strip():
                        continue  # actorgraph passes blank lines over too
                    if proc is None:
                        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=err)
                    rec = with_id(line, file, lineno, id_field, url_field)
                    data = (rec + "\n").encode("utf-8", "surrogateescape")
                    res["bytes"] += len(data) if rec is line else len(
                        line.encode("utf-8", "surrogateescape")) + 1
                    proc.stdin.write(data)
                    origin.append((file, lineno))
                if proc is None:
                    return [res]  # an empty partition
                if conf["kill"] == index and ctx.attemptNumber() == 0:
                    proc.kill()  # testing: a killed task, which Spark runs again
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass
                rc = proc.wait()
            with open(err_path, encoding="utf-8", errors="replace") as f:
                stats, messages = summary_line(f.read(), origin)
            if rc not in (0, 1):
                raise RuntimeError(
                    f"actorgraph build (partition {index}) ended with status {rc}: "
                    + " | ".join(messages[-5:]))
            res["records"] = len(origin)
            for k in ("documents", "skipped", "failed", "duplicates"):
                res[k] = int(stats.get(k, 0))
            # bad records and errors before the duplicates' notes, should
            # there be more than the summary keeps
            messages.sort(key=lambda m: "counted once" in m)
            res["messages"] = messages[:KEEP_MESSAGES]
            res["more_messages"] = max(0, len(messages) - KEEP_MESSAGES)
            if os.path.exists(out) and os.path.getsize(out) > 0:
                with open(out, encoding="utf-8") as f:
                    text = f.read()
                fast = relocate_text(text, origin)
                res["graph"] = fast if fast is not None else json.dumps(
                    relocate(json.loads(text), origin), ensure_ascii=False)
                res["partials"] = 1
            # else: no record of this partition could be read (all counted as failed)
            return [res]
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    return run


def add_counts(results):
    """The results' counts added, their messages joined (graphs aside)."""
    out = empty_result()
    for r in results:
        for k in ("documents", "skipped", "failed", "duplicates", "records", "bytes",
                  "partials", "more_messages"):
            out[k] += r[k]
    msgs = sorted((m for r in results for m in r["messages"]), key=lambda m: "counted once" in m)
    out["messages"] = msgs[:KEEP_MESSAGES]
    out["more_messages"] += max(0, len(msgs) - KEEP_MESSAGES)
    return out


def write_graphs(tmp, results):
    """Each result's graph in a file of `tmp`: the paths."""
    paths = []
    for r in results:
        if r["graph"] is not None:
            paths.append(os.path.join(tmp, f"part{len(paths)}.json"))
            with open(paths[-1], "w", encoding="utf-8") as f:
                f.write(r["graph"])
    return paths


def merge_results(conf, results):
    """Several tasks' results as one: graphs merged by one `actorgraph build
    --partial a.json b.json ...`, counts added."""
    out = add_counts(results)
    graphs = [r["graph"] for r in results if r["graph"] is not None]
    if len(graphs) <= 1:
        out["graph"] = graphs[0] if graphs else None
        return out
    tmp = tempfile.mkdtemp(prefix="actorgraph-spark-")
    try:
        paths = write_graphs(tmp, results)
        target = os.path.join(tmp, "merged.json")
        cmd = [locate(conf["binary"]), "build", "--partial", "-q", "--format", "json",
               "-o", target, "--threads", str(conf["threads"]), *paths]
        done = subprocess.run(cmd, stderr=subprocess.PIPE)
        if done.returncode != 0:
            raise RuntimeError("actorgraph merge failed: "
                               + done.stderr.decode("utf-8", "replace").strip())
        with open(target, encoding="utf-8") as f:
            out["graph"] = f.read()
        return out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def merge_tree(conf, results, partitions, fan_in):
    """The partitions' results merged on the executors, `fan_in` at a
    time, until at most `fan_in` are left: those, collected."""
    n = partitions
    while n > fan_in:
        groups = -(-n // fan_in)
        # one result a partition: partition i goes to group i % groups
        keyed = results.mapPartitionsWithIndex(lambda i, it, g=groups: ((i % g, r) for r in it))
        results = keyed.groupByKey(numPartitions=groups).map(
            lambda kv: merge_results(conf, list(kv[1])))
        n = groups
    return results.collect()


def in_order(rows):
    return sorted(rows, key=lambda r: r[0])


def find(parent, x):
    while parent.setdefault(x, x) != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def scan(raw, files, file_of, fields, mode):
    """One pass over the input: each partition's line count, and the groups
    of records that actorgraph's duplicate search must see together (the
    same id; with --dedup exact or near, the same text), as lists of
    (partition, index in it)."""
    texts = mode != "none"

    def keys(i, rows):
        n = 0
        for j, line in enumerate(rows):
            n += 1
            # lines are not numbered yet: a FILE#LINE id (None) is left out
            for k in dedup_keys(line, files[file_of[i]], None, fields, texts):
                if k is not None:
                    yield k, (i, j)
        yield "#n", (i, n)

    found = (raw.mapPartitionsWithIndex(keys).groupByKey()
             .filter(lambda kv: kv[0] == "#n" or len(kv[1]) > 1).collect())
    counts = dict(next(v for k, v in found if k == "#n"))
    return counts, [list(v) for k, v in found if k != "#n"]


def numbered(raw, file_of, counts):
    """((input number, line), text) for each line, lines counted from 1 in
    each file as actorgraph counts them; and where each partition's lines
    start."""
    offsets, seen = {}, {}
    for i in range(raw.getNumPartitions()):
        f = file_of[i]
        offsets[i] = seen.get(f, 0)
        seen[f] = offsets[i] + counts.get(i, 0)
    rdd = raw.mapPartitionsWithIndex(
        lambda i, rows: (((file_of[i], offsets[i] + j + 1), line) for j, line in enumerate(rows)))
    return rdd, offsets


def shared_out(sc, rdd, file_of, offsets, groups, partitions):
    """The records in their partitions: each where Spark read it, or, when
    `partitions` asks for another number, in partition (file + line) mod
    `partitions`; then each group of records the duplicate search must see
    together moved to the partition of the first of them. Each partition
    in input order. Returns the RDD and how many records moved."""
    n = rdd.getNumPartitions()
    reshare = bool(partitions) and partitions != n

    def home(pos, i):
        return (pos[0] + pos[1]) % partitions if reshare else i

    parent, part = {}, {}
    for g in groups:
        members = [((file_of[i], offsets[i] + j + 1), i) for i, j in g]
        root = find(parent, members[0][0])
        for pos, i in members:
            part[pos] = home(pos, i)
            r = find(parent, pos)
            if r != root:
                parent[r] = root
    first = {}
    for pos in part:
        r = find(parent, pos)
        if r not in first or pos < first[r]:
            first[r] = pos
    moves = {}
    for pos in part:
        target = part[first[find(parent, pos)]]
        if part[pos] != target:
            moves[pos] = target
    if not moves and not reshare:
        return rdd, 0
    bmoves = sc.broadcast(moves)
    routed = rdd.mapPartitionsWithIndex(
        lambda i, rows: ((bmoves.value.get(r[0], home(r[0], i)), r) for r in rows))
    total = partitions if reshare else n
    return routed.partitionBy(total, lambda k: k).values().mapPartitions(in_order), len(moves)


def main(argv):
    args, partial_opts, final_opts = parse_args(argv)
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("actorgraph build").getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel(os.environ.get("ACTORGRAPH_SPARK_LOG", "WARN"))
    binary = args.binary or default_binary()
    threads = args.threads or int(sc.getConf().get("spark.task.cpus", "1"))
    files = list(args.input)
    conf = {"binary": binary, "partial_opts": partial_opts, "threads": threads,
            "kill": args.kill_first_attempt, "files": files}
    started = time.time()

    per_file = [sc.textFile(p, minPartitions=args.partitions) if args.partitions
                else sc.textFile(p) for p in files]
    raw = per_file[0] if len(per_file) == 1 else sc.union(per_file)
    file_of = [i for i, r in enumerate(per_file) for _ in range(r.getNumPartitions())]
    mode = dedup_of(partial_opts)
    counts, groups = scan(raw, files, file_of, fields_of(partial_opts), mode)
    rdd, offsets = numbered(raw, file_of, counts)
    rdd, moved = shared_out(sc, rdd, file_of, offsets, groups, args.partitions)
    if mode == "near":
        print("build_graph: --dedup near looks for near copies within each partition only; "
              "the graph may depend on the partitioning", file=sys.stderr)
    partitions = rdd.getNumPartitions()
    results = rdd.mapPartitionsWithIndex(build_partition(conf))
    last = merge_tree(conf, results, partitions, args.merge_fan_in)
    total = add_counts(last)

    status = 0
    if not any(r["graph"] is not None for r in last):
        print("build_graph: no document could be read; the output is left as it was",
              file=sys.stderr)
        status = 1
    else:
        tmp = tempfile.mkdtemp(prefix="actorgraph-spark-")
        try:
            cmd = [binary, "build", *write_graphs(tmp, last), "--format", args.format,
                   "-o", args.output, "-q", *localize(final_opts)]
            done = subprocess.run(cmd)
            if done.returncode != 0:
                print(f"build_graph: the final build failed (status {done.returncode})",
                      file=sys.stderr)
                status = done.returncode
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    seconds = time.time() - started
    for m in total["messages"]:
        print(m, file=sys.stderr)
    if total["more_messages"]:
        print(f"build_graph: ... and {total['more_messages']} more messages", file=sys.stderr)
    summary = {k: total[k] for k in ("records", "documents", "skipped", "failed", "duplicates")}
    summary.update(partitions=partitions, moved=moved, partials=total["partials"], bytes=total["bytes"],
                   seconds=round(seconds, 3),
                   mb_per_s=round(total["bytes"] / 1e6 / seconds, 3) if seconds > 0 else None)
    print(
        f"build_graph: {summary['records']} records, {summary['documents']} documents read, "
        f"{summary['skipped']} skipped, {summary['failed']} failed (bad records), "
        f"{summary['duplicates']} duplicates; {partitions} partitions; "
        f"{summary['bytes'] / 1e6:.1f} MB in {seconds:.2f} s", file=sys.stderr)
    print("build_graph: " + json.dumps(summary), file=sys.stderr)
    if args.summary:
        with open(args.summary, "w", encoding="utf-8") as f:
            json.dump(dict(summary, messages=total["messages"]), f)
    if status == 0 and total["failed"]:
        status = 1
    spark.stop()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
