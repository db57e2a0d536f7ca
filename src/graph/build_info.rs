//! What a saved graph remembers of how it was built: the options that
//! decide its counts (window, names-only, evidence cap, period, minimum
//! confidence, anonymous sources) and any
//! trimming that removed part of it, so that growing it later can refuse
//! what would give a graph no single build could.

use super::{EdgeKind, GraphOptions, Period, Window};
use serde::{Deserialize, Serialize};

/// The build options of a graph, as recorded in its JSON (`"build"`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuildInfo {
    /// Co-occurrence window.
    pub window: Window,
    /// Only mentions by name counted toward co-occurrence.
    pub names_only: bool,
    /// Evidence spans kept per link.
    pub max_evidence: usize,
    /// The periods counts are kept in.
    pub period: Period,
    /// `--min-confidence` (absent when 0: every attribution made links).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub min_confidence: u8,
    /// `--anonymous-sources` (absent when not given).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub anonymous_sources: bool,
    /// What trimming removed part of the graph (absent when nothing was
    /// removed): such a graph cannot be grown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trimmed: Option<Trim>,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

/// Trimming that removed links or actors from a graph.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trim {
    /// `--min-weight`, when above 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_weight: Option<u64>,
    /// `--top`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top: Option<usize>,
    /// `--kinds`, when not every kind.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<EdgeKind>,
}

impl Trim {
    /// The trimming as command-line options (`--min-weight 2 --top 10`).
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(w) = self.min_weight {
            parts.push(format!("--min-weight {w}"));
        }
        if let Some(t) = self.top {
            parts.push(format!("--top {t}"));
        }
        if !self.kinds.is_empty() {
            let k: Vec<&str> = self.kinds.iter().map(EdgeKind::as_str).collect();
            parts.push(format!("--kinds {}", k.join(",")));
        }
        parts.join(" ")
    }
}

impl BuildInfo {
    /// The record of a graph built with `options`, untrimmed.
    pub fn of(options: &GraphOptions) -> BuildInfo {
        BuildInfo {
            window: options.window,
            names_only: options.names_only,
            max_evidence: options.max_evidence,
            period: options.period,
            min_confidence: options.min_confidence,
            anonymous_sources: options.anonymous_sources,
            trimmed: None,
        }
    }

    /// The options it records.
    pub fn options(&self) -> GraphOptions {
        GraphOptions {
            window: self.window,
            names_only: self.names_only,
            max_evidence: self.max_evidence,
            period: self.period,
            min_confidence: self.min_confidence,
            anonymous_sources: self.anonymous_sources,
        }
    }

    /// The first option on which two builds differ, as `(option, this
    /// value, other value)`; `None` when their counts can be added.
    pub fn conflict(&self, other: &BuildInfo) -> Option<(&'static str, String, String)> {
        let window = |w: Window| match w {
            Window::Sentence => "sentence",
            Window::Paragraph => "paragraph",
        };
        if self.window != other.window {
            return Some((
                "--window",
                window(self.window).into(),
                window(other.window).into(),
            ));
        }
        if self.names_only != other.names_only {
            let f = |b: bool| if b { "given" } else { "not given" }.to_owned();
            return Some(("--names-only", f(self.names_only), f(other.names_only)));
        }
        if self.max_evidence != other.max_evidence {
            return Some((
                "--max-evidence",
                self.max_evidence.to_string(),
                other.max_evidence.to_string(),
            ));
        }
        if self.min_confidence != other.min_confidence {
            return Some((
                "--min-confidence",
                self.min_confidence.to_string(),
                other.min_confidence.to_string(),
            ));
        }
        if self.anonymous_sources != other.anonymous_sources {
            let f = |b: bool| if b { "given" } else { "not given" }.to_owned();
            return Some((
                "--anonymous-sources",
                f(self.anonymous_sources),
                f(other.anonymous_sources),
            ));
        }
        if self.period != other.period {
            return Some((
                "--period",
                self.period.as_str().into(),
                other.period.as_str().into(),
            ));
        }
        None
    }
}
