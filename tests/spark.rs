//! The Spark job (`examples/spark/build_graph.py`) against the plain
//! binary: the graph built by PySpark in local mode, the corpus shared out
//! in any number of partitions, is byte for byte the one `actorgraph build`
//! writes; bad records are counted and reported, not fatal; a task whose
//! actorgraph is killed is run again without counting anything twice; and
//! a partial graph merged twice counts once.
//!
//! Needs Python with PySpark (`ACTORGRAPH_PYTHON`, else `python3`) and
//! Java: without them the Spark checks say so and pass, and fail under
//! `CI=true` (tests/common/tools.rs). The corpus is invented
//! (examples/spark/make_corpus.py), and, when `../shared` is there, the
//! PolNeAR train texts as JSON Lines.

mod common;

use common::cli::bin;
use common::jsonl::to_json_lines;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn python() -> PathBuf {
    std::env::var_os("ACTORGRAPH_PYTHON").map_or_else(|| PathBuf::from("python3"), PathBuf::from)
}

/// Python with PySpark, and Java: the Python to run the job with, else a
/// skip note (a failure under CI).
fn spark() -> Option<PathBuf> {
    let py = python();
    let has_pyspark = Command::new(&py)
        .args(["-c", "import pyspark"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !common::tools::require_or_skip(has_pyspark, &format!("pyspark (for {})", py.display())) {
        return None;
    }
    let has_java = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    common::tools::require_or_skip(has_java, "java (for Spark)").then_some(py)
}

/// The invented corpus: `docs` documents, `bad` bad records among them,
/// and, with `copies`, duplicates far apart (wire copies, the same id
/// twice).
fn corpus(dir: &Path, name: &str, docs: usize, bad: usize, seed: u64, copies: bool) -> PathBuf {
    let out = dir.join(name);
    let o = Command::new(python())
        .arg(repo("examples/spark/make_corpus.py"))
        .args(["--docs", &docs.to_string(), "--seed", &seed.to_string()])
        .args(["--bad", &bad.to_string(), "--blank"])
        .args(copies.then_some("--copies"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", job_output(&o));
    std::fs::write(&out, &o.stdout).unwrap();
    out
}

/// `actorgraph build INPUT --format json -o OUT`: its output and stderr.
fn plain_build(input: &Path, out: &Path, extra: &[&str]) -> Output {
    let o = bin()
        .args(["build", s(input), "--format", "json", "-o", s(out)])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        matches!(o.status.code(), Some(0 | 1)) && out.exists(),
        "{}",
        job_output(&o)
    );
    o
}

/// The job: `spark-submit --master MASTER build_graph.py --input INPUT
/// --output OUT ARGS...` (or the Python with PYSPARK_SUBMIT_ARGS when
/// there is no spark-submit beside it).
fn submit(py: &Path, master: &str, inputs: &[&Path], out: &Path, args: &[&str]) -> Output {
    // One job at a time: each is a JVM with two task threads.
    static ONE_JOB: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one = ONE_JOB.lock().unwrap_or_else(|e| e.into_inner());
    let binary = env!("CARGO_BIN_EXE_actorgraph");
    let job = repo("examples/spark/build_graph.py");
    let submit = py.with_file_name("spark-submit");
    let conf = ["--conf", "spark.ui.enabled=false"];
    let mut cmd = if submit.is_file() {
        let mut c = Command::new(submit);
        c.args(["--master", master]).args(conf).arg(&job);
        c
    } else {
        let mut c = Command::new(py);
        c.env(
            "PYSPARK_SUBMIT_ARGS",
            format!("--master {master} --conf spark.ui.enabled=false pyspark-shell"),
        );
        c.arg(&job);
        c
    };
    let o = cmd
        .env("PYSPARK_PYTHON", py)
        .env("PYSPARK_DRIVER_PYTHON", py)
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .arg("--input")
        .args(inputs)
        .args(["--output", s(out), "--binary", binary])
        .args(args)
        .output()
        .unwrap();
    eprintln!(
        "{}",
        job_output(&o)
            .lines()
            .filter(|l| l.starts_with("build_graph"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    o
}

/// What the job printed: spark-submit sends the Python driver's standard
/// error to its standard output.
fn job_output(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn summary(o: &Output) -> Value {
    let err = job_output(o);
    let line = err
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("build_graph: {"))
        .unwrap_or_else(|| panic!("no summary in:\n{err}"));
    serde_json::from_str(&format!("{{{line}")).unwrap()
}

fn assert_same(reference: &Path, got: &Path, what: &str) {
    let (a, b) = (
        std::fs::read(reference).unwrap(),
        std::fs::read(got).unwrap(),
    );
    if a != b {
        let (a, b) = (String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
        let line = a
            .lines()
            .zip(b.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(0);
        panic!(
            "{what}: the Spark graph differs from the plain build ({} and {} bytes), first at line {}:\n  build: {}\n  spark: {}",
            a.len(),
            b.len(),
            line + 1,
            a.lines().nth(line).unwrap_or(""),
            b.lines().nth(line).unwrap_or("")
        );
    }
}

#[test]
fn the_same_bytes_whatever_the_partitioning() {
    let Some(py) = spark() else { return };
    let dir = tempfile::tempdir().unwrap();
    let docs = corpus(dir.path(), "docs.jsonl", 300, 0, 11, true);
    let reference = dir.path().join("graph.json");
    let plain = plain_build(&docs, &reference, &[]);
    assert!(plain.status.success(), "{}", job_output(&plain));
    // The corpus is one where sharing out would show: identity joins
    // names across documents, records are named by url or by FILE#LINE,
    // duplicates are far apart.
    let text = std::fs::read_to_string(&reference).unwrap();
    let g: Value = serde_json::from_str(&text).unwrap();
    assert!(
        g["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n.get("joined").is_some()),
        "no identity join in the corpus"
    );
    assert!(text.contains("docs.jsonl#"), "no record named FILE#LINE");
    let plain_err = String::from_utf8_lossy(&plain.stderr);
    let duplicates: Vec<&str> = plain_err
        .lines()
        .filter(|l| l.contains("counted once"))
        .collect();
    assert!(duplicates.len() > 5, "{plain_err}");
    for parts in ["1", "3", "7"] {
        let out = dir.path().join(format!("spark-{parts}.json"));
        // With 7, merges on the executors too: 7 -> 4 -> 2 partials, the
        // driver's build merging the last two.
        let fan_in: &[&str] = if parts == "7" {
            &["--merge-fan-in", "2"]
        } else {
            &[]
        };
        let o = submit(
            &py,
            "local[2]",
            &[&docs],
            &out,
            &[&["--partitions", parts][..], fan_in].concat(),
        );
        assert!(o.status.success(), "{}", job_output(&o));
        let sum = summary(&o);
        assert_eq!(sum["partitions"], parts.parse::<u64>().unwrap());
        assert_eq!(sum["records"], 300);
        assert_eq!(sum["documents"], 300 - duplicates.len());
        assert_eq!(sum["duplicates"], duplicates.len());
        assert_eq!(sum["failed"], 0);
        if parts == "7" {
            // Duplicates in other partitions were moved to their first's.
            assert!(sum["moved"].as_u64().unwrap() > 0, "{sum}");
        }
        // Each duplicate reported as one build reports it.
        let said = job_output(&o);
        for d in &duplicates {
            assert!(said.contains(d), "{d} not reported by the job");
        }
        assert_same(&reference, &out, &format!("{parts} partitions"));
    }
    // Build options pass through: a paragraph window, a cap on evidence,
    // weekly periods, and a trimmed export written by the final build.
    let opts = [
        "--window",
        "paragraph",
        "--max-evidence",
        "2",
        "--period",
        "week",
    ];
    let reference = dir.path().join("para.json");
    plain_build(&docs, &reference, &[&opts[..], &["--top", "20"]].concat());
    let out = dir.path().join("spark-para.json");
    let o = submit(
        &py,
        "local[2]",
        &[&docs],
        &out,
        &[&opts[..], &["--partitions", "4", "--top", "20"]].concat(),
    );
    assert!(o.status.success(), "{}", job_output(&o));
    assert_same(&reference, &out, "paragraph window, --top 20");
    // Two inputs, shared out anew into 3 partitions (Spark reads each
    // file in 3): lines counted per file, duplicates across the files.
    let text = std::fs::read_to_string(&docs).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let (one, two) = (dir.path().join("one.jsonl"), dir.path().join("two.jsonl"));
    std::fs::write(&one, lines[..150].join("\n") + "\n").unwrap();
    std::fs::write(&two, lines[150..].join("\n") + "\n").unwrap();
    let reference = dir.path().join("two-files.json");
    let o = bin()
        .args([
            "build",
            s(&one),
            s(&two),
            "--format",
            "json",
            "-o",
            s(&reference),
        ])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("two.jsonl:"),
        "no duplicate across the files"
    );
    let out = dir.path().join("spark-two-files.json");
    let o = submit(&py, "local[2]", &[&one, &two], &out, &["--partitions", "3"]);
    assert!(o.status.success(), "{}", job_output(&o));
    assert_eq!(summary(&o)["partitions"], 3);
    assert_same(&reference, &out, "two inputs, 3 partitions");
}

#[test]
fn bad_records_are_counted_and_reported() {
    let Some(py) = spark() else { return };
    let dir = tempfile::tempdir().unwrap();
    let docs = corpus(dir.path(), "bad.jsonl", 120, 4, 5, true);
    let reference = dir.path().join("graph.json");
    let plain = plain_build(&docs, &reference, &[]);
    assert_eq!(plain.status.code(), Some(1));
    let out = dir.path().join("spark.json");
    let summary_file = dir.path().join("summary.json");
    let o = submit(
        &py,
        "local[2]",
        &[&docs],
        &out,
        &["--partitions", "3", "--summary", s(&summary_file)],
    );
    // Not fatal: the graph is written, the job's status says some failed.
    assert_eq!(o.status.code(), Some(1), "{}", job_output(&o));
    assert_same(&reference, &out, "with bad records");
    let sum: Value = serde_json::from_slice(&std::fs::read(&summary_file).unwrap()).unwrap();
    assert_eq!(sum["failed"], 4, "{sum}");
    assert_eq!(sum["records"], 124, "{sum}");
    // Each bad record reported as the plain build reports it: FILE:LINE.
    let plain_err = String::from_utf8_lossy(&plain.stderr);
    let wanted: Vec<&str> = plain_err
        .lines()
        .filter(|l| l.contains("bad.jsonl:") && !l.contains("counted once"))
        .collect();
    assert_eq!(wanted.len(), 4, "{plain_err}");
    let msgs: Vec<&str> = sum["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    for w in wanted {
        assert!(msgs.contains(&w), "{w} not in the job's summary: {msgs:?}");
    }
}

#[test]
fn a_killed_task_is_run_again_and_counted_once() {
    let Some(py) = spark() else { return };
    let dir = tempfile::tempdir().unwrap();
    let docs = corpus(dir.path(), "docs.jsonl", 150, 0, 23, true);
    let reference = dir.path().join("graph.json");
    plain_build(&docs, &reference, &[]);
    // local[2,3]: two threads, a task tried up to 3 times. The first
    // attempt of partition 1 has its actorgraph killed (SIGKILL).
    let out = dir.path().join("spark.json");
    let o = submit(
        &py,
        "local[2,3]",
        &[&docs],
        &out,
        &["--partitions", "3", "--kill-first-attempt", "1"],
    );
    assert!(o.status.success(), "{}", job_output(&o));
    let err = job_output(&o);
    assert!(
        err.contains("ended with status -9"),
        "the first attempt was not killed:\n{err}"
    );
    let sum = summary(&o);
    assert_eq!(sum["records"], 150);
    assert_eq!(sum["partials"], 3);
    assert_same(&reference, &out, "a task run twice");
    // Without retries the job fails rather than write a graph short of a
    // partition.
    let out = dir.path().join("no-retry.json");
    let o = submit(
        &py,
        "local[2]",
        &[&docs],
        &out,
        &["--partitions", "3", "--kill-first-attempt", "1"],
    );
    assert!(!o.status.success());
    assert!(!out.exists());
}

/// A partition's partial graph merged twice (a task whose output was kept
/// twice) counts once: the merge's document-id set passes it over. No
/// Spark needed: the partials are the job's, built by the binary.
#[test]
fn a_partial_graph_merged_twice_counts_once() {
    let has_python = Command::new(python())
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let what = format!("{} (for the corpus generator)", python().display());
    if !common::tools::require_or_skip(has_python, &what) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(corpus(dir.path(), "all.jsonl", 90, 0, 3, false)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut shares = Vec::new();
    for (i, chunk) in lines.chunks(lines.len() / 3 + 1).enumerate() {
        let p = dir.path().join(format!("share{i}.jsonl"));
        std::fs::write(&p, chunk.join("\n") + "\n").unwrap();
        shares.push(p);
    }
    let reference = dir.path().join("graph.json");
    let mut cmd = bin();
    cmd.args(["build", "--format", "json", "-q", "-o", s(&reference)]);
    let o = cmd.args(&shares).output().unwrap();
    assert!(o.status.success());
    let mut partials = Vec::new();
    for (i, share) in shares.iter().enumerate() {
        let p = dir.path().join(format!("partial{i}.json"));
        let o = bin()
            .args([
                "build",
                "--partial",
                "--format",
                "json",
                "-q",
                "-o",
                s(&p),
                s(share),
            ])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", job_output(&o));
        partials.push(p);
    }
    let again = dir.path().join("partial1-again.json");
    std::fs::copy(&partials[1], &again).unwrap();
    let merged = dir.path().join("merged.json");
    let o = bin()
        .args(["build", "--format", "json", "-o", s(&merged)])
        .args([&partials[2], &partials[1], &again, &partials[0]])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", job_output(&o));
    assert!(
        job_output(&o).contains("not counted again"),
        "{}",
        job_output(&o)
    );
    assert_same(&reference, &merged, "a partial merged twice");
    // Partials keep identity for the merge: built without --partial, a
    // share may join names the whole corpus keeps apart (and --partial
    // wants the JSON format).
    let o = bin()
        .args(["build", "--partial", "--format", "dot", s(&shares[0])])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn polnear_train_the_same_on_spark() {
    let Some(polnear) = common::tools::shared("corpus/polnear/train") else {
        return;
    };
    let Some(py) = spark() else { return };
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("polnear.jsonl");
    let n = to_json_lines(&polnear, &docs);
    assert!(n > 500, "{n}");
    let reference = dir.path().join("graph.json");
    let o = plain_build(&docs, &reference, &[]);
    assert!(o.status.success(), "{}", job_output(&o));
    let out = dir.path().join("spark.json");
    let o = submit(&py, "local[2]", &[&docs], &out, &["--partitions", "5"]);
    assert!(o.status.success(), "{}", job_output(&o));
    let sum = summary(&o);
    assert_eq!(sum["records"], n);
    assert_eq!(
        sum["documents"].as_u64().unwrap() + sum["duplicates"].as_u64().unwrap(),
        n as u64
    );
    assert_same(&reference, &out, "PolNeAR train, 5 partitions");
}
