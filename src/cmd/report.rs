//! The run summary printed on standard error at the end of `build` and
//! `extract`: documents read, skipped (the same file named twice) and
//! failed, and when there are any, passed over (`Summary::passed`) and
//! duplicates (records counted once); actors; links (or attributions, for `extract`); seconds.
//!
//! `--quiet` silences it (each failure is still reported on its own line,
//! as it happens); `--stats` prints it as one line of JSON instead.

use super::input::Summary;
use serde::Serialize;
use std::time::Instant;

/// What a run did, as summarised.
#[derive(Debug, Serialize)]
pub struct RunReport {
    /// Documents read and analysed.
    pub documents: usize,
    /// Inputs not read again (the same file named twice).
    pub skipped: usize,
    /// Inputs that failed.
    pub failed: usize,
    /// Documents read but passed over (already in a saved graph, outside
    /// the dates asked for); shown only when there are some.
    #[serde(skip_serializing_if = "is_zero")]
    pub passed: usize,
    /// Duplicate records counted once; shown only when there are some.
    #[serde(skip_serializing_if = "is_zero")]
    pub duplicates: usize,
    /// Actors (in the graph; for `extract`, over all documents).
    pub actors: usize,
    /// Links of the graph (`build`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub links: Option<usize>,
    /// Attributions over all documents (`extract`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributions: Option<usize>,
    /// Wall-clock seconds since the run started.
    pub seconds: f64,
}

impl RunReport {
    /// The report of a run started at `started`.
    pub fn new(s: &Summary, actors: usize, started: Instant) -> RunReport {
        RunReport {
            documents: s.documents,
            skipped: s.skipped,
            failed: s.failed,
            passed: s.passed,
            duplicates: s.duplicates,
            actors,
            links: None,
            attributions: None,
            seconds: (started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0,
        }
    }

    /// The one-line text form, without the `actorgraph: ` prefix.
    pub fn text(&self) -> String {
        let mut s = format!(
            "{}, {} skipped, {} failed",
            count(self.documents, "document read", "documents read"),
            self.skipped,
            self.failed,
        );
        if self.passed > 0 {
            s.push_str(&format!(", {} passed over", self.passed));
        }
        if self.duplicates > 0 {
            s.push_str(&format!(
                ", {}",
                count(self.duplicates, "duplicate", "duplicates")
            ));
        }
        s.push_str(&format!("; {}", count(self.actors, "actor", "actors")));
        if let Some(l) = self.links {
            s.push_str(&format!(", {}", count(l, "link", "links")));
        }
        if let Some(a) = self.attributions {
            s.push_str(&format!(", {}", count(a, "attribution", "attributions")));
        }
        s.push_str(&format!("; {:.2} s", self.seconds));
        s
    }

    /// Print it on standard error: as JSON with `stats`; as text unless
    /// `quiet`.
    pub fn print(&self, quiet: bool, stats: bool) {
        if stats {
            if let Ok(j) = serde_json::to_string(self) {
                eprintln!("{j}");
            }
        } else if !quiet {
            eprintln!("actorgraph: {}", self.text());
        }
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_json_forms() {
        let r = RunReport {
            documents: 1,
            skipped: 2,
            failed: 0,
            passed: 0,
            duplicates: 0,
            actors: 5,
            links: Some(1),
            attributions: None,
            seconds: 0.25,
        };
        assert_eq!(
            r.text(),
            "1 document read, 2 skipped, 0 failed; 5 actors, 1 link; 0.25 s"
        );
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"documents":1,"skipped":2,"failed":0,"actors":5,"links":1,"seconds":0.25}"#
        );
        let r = RunReport {
            passed: 3,
            duplicates: 1,
            ..r
        };
        assert_eq!(
            r.text(),
            "1 document read, 2 skipped, 0 failed, 3 passed over, 1 duplicate; 5 actors, 1 link; 0.25 s"
        );
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"documents":1,"skipped":2,"failed":0,"passed":3,"duplicates":1,"actors":5,"links":1,"seconds":0.25}"#
        );
    }
}
