//! One self-contained HTML page: the graph drawn by Graphviz (SVG, inlined),
//! a search box that highlights the matching actors and their links, and
//! the evidence of a link (document, offsets, the words) shown on a click.
//! No network: styles, script and data are in the page.
//!
//! The page reads its URL fragment (or query string) on load:
//! `#q=NAME` searches for NAME, `#edge=e3` clicks the edge `e3` (edges are
//! numbered in (kind, source, target) order, as in every export), so a
//! headless browser can check it.

use super::dot::{self, DotOptions};
use super::evidence::DocCache;
use super::RenderError;
use crate::graph::ActorGraph;
use serde_json::json;
use std::io::{self, Write};

/// The SVG picture of a graph with element ids `n0`.. and `e0`.. (runs
/// Graphviz's `dot`).
pub fn render_svg(g: &ActorGraph, cluster_by_document: bool) -> Result<String, RenderError> {
    let mut src = Vec::new();
    let opts = DotOptions {
        cluster_by_document,
        element_ids: true,
        layout: Some(dot::Layout::for_size(g.node_count())),
    };
    dot::write_with(g, &opts, &mut src).map_err(|source| RenderError::Io {
        program: "dot".into(),
        source,
    })?;
    let svg = super::render(&src, "svg")?;
    let svg = String::from_utf8_lossy(&svg).into_owned();
    // Drop the XML declaration and doctype: the SVG is inlined.
    Ok(match svg.find("<svg") {
        Some(i) => svg[i..].to_owned(),
        None => svg,
    })
}

/// The data the page's script works from.
pub fn page_data(g: &ActorGraph, docs: &mut DocCache) -> serde_json::Value {
    let nodes: Vec<_> = g
        .sorted_nodes()
        .into_iter()
        .enumerate()
        .map(|(i, n)| {
            let node = &g.graph[n];
            json!({"svg": format!("n{i}"), "id": node.id, "kind": node.kind.as_str(), "mentions": node.mentions, "aliases": node.aliases})
        })
        .collect();
    let edges: Vec<_> = g
        .sorted_edges()
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let (a, b) = g.graph.edge_endpoints(e).expect("edge");
            let edge = &g.graph[e];
            let ev: Vec<_> = edge.evidence.iter().map(|ev| docs.text(ev)).collect();
            json!({"svg": format!("e{i}"), "source": g.graph[a].id, "target": g.graph[b].id,
                   "kind": edge.kind.as_str(), "weight": edge.weight, "evidence": ev})
        })
        .collect();
    json!({"nodes": nodes, "edges": edges})
}

/// Write the page around an SVG made by [`render_svg`] of the same graph.
pub fn write(
    g: &ActorGraph,
    svg: &str,
    docs: &mut DocCache,
    out: &mut dyn Write,
) -> io::Result<()> {
    // `<` only occurs inside JSON strings, where \u003c is the same text;
    // this keeps `</script>` in a sentence from closing the script.
    let data = page_data(g, docs).to_string().replace('<', "\\u003c");
    let title = super::xml_escape(&format!(
        "actorgraph: {} actors, {} links",
        g.node_count(),
        g.edge_count()
    ));
    let (head, rest) = PAGE.split_once("{{SVG}}").expect("template");
    let (middle, tail) = rest.split_once("{{DATA}}").expect("template");
    out.write_all(head.replace("{{TITLE}}", &title).as_bytes())?;
    out.write_all(svg.as_bytes())?;
    out.write_all(middle.as_bytes())?;
    out.write_all(data.as_bytes())?;
    out.write_all(tail.as_bytes())
}

const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}}</title>
<style>
body { margin: 0; font: 14px/1.4 Helvetica, Arial, sans-serif; color: #222; display: flex; flex-direction: column; height: 100vh; }
header { padding: 8px 12px; border-bottom: 1px solid #ccd; display: flex; gap: 12px; align-items: center; }
header h1 { font-size: 15px; margin: 0; font-weight: normal; }
#search { font-size: 14px; padding: 4px 8px; width: 18em; }
#status { color: #667; }
main { flex: 1; display: flex; min-height: 0; }
#graph { flex: 3; overflow: auto; }
#graph svg { max-width: none; }
#graph.fit svg { width: 100%; height: auto; }
#evidence { flex: 1; min-width: 18em; border-left: 1px solid #ccd; padding: 8px 12px; overflow: auto; }
#evidence blockquote { margin: 4px 0 10px 0; padding-left: 8px; border-left: 3px solid #c0392b; }
#evidence .where { color: #667; font-size: 12px; }
#evidence .missing { color: #a33; font-style: italic; }
g.edge { cursor: pointer; }
g.edge path.hitarea { stroke: transparent; stroke-width: 12px; fill: none; }
g.node { cursor: pointer; }
svg.searching g.node, svg.searching g.edge, svg.searching g.cluster { opacity: 0.15; }
svg.searching g.hit, svg.searching g.linked { opacity: 1; }
g.hit ellipse, g.hit polygon { stroke: #d35400; stroke-width: 4px; }
g.edge.selected path { stroke: #d35400; }
</style>
</head>
<body>
<header>
<h1>{{TITLE}}</h1>
<input id="search" type="search" placeholder="Find an actor (name or alias)" autocomplete="off">
<button id="fit" type="button">Fit to window</button>
<span id="status"></span>
</header>
<main>
<div id="graph">{{SVG}}</div>
<aside id="evidence"><p>Search an actor, or click a link to read its evidence.</p></aside>
</main>
<script id="data" type="application/json">{{DATA}}</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("data").textContent);
  var svg = document.querySelector("#graph svg");
  var input = document.getElementById("search");
  var status = document.getElementById("status");
  var panel = document.getElementById("evidence");
  var nodeSvg = {}, edgeById = {};
  data.nodes.forEach(function (n) { nodeSvg[n.id] = n.svg; });
  data.edges.forEach(function (e) { edgeById[e.svg] = e; });
  function el(id) { return document.getElementById(id); }
  function clear() {
    svg.classList.remove("searching");
    Array.prototype.forEach.call(svg.querySelectorAll(".hit, .linked"), function (g) { g.classList.remove("hit", "linked"); });
  }
  function search(q) {
    clear();
    q = q.trim().toLowerCase();
    if (!q) { status.textContent = ""; return []; }
    function names(n) { return [n.id].concat(n.aliases).map(function (s) { return s.toLowerCase(); }); }
    var hits = data.nodes.filter(function (n) { return names(n).indexOf(q) >= 0; });
    if (!hits.length) hits = data.nodes.filter(function (n) { return names(n).some(function (s) { return s.indexOf(q) >= 0; }); });
    var hitIds = {};
    hits.forEach(function (n) { hitIds[n.id] = true; var g = el(n.svg); if (g) g.classList.add("hit"); });
    var links = 0;
    data.edges.forEach(function (e) {
      if (hitIds[e.source] || hitIds[e.target]) {
        links++;
        var g = el(e.svg); if (g) g.classList.add("linked");
        [e.source, e.target].forEach(function (id) { var n = el(nodeSvg[id]); if (n && !hitIds[id]) n.classList.add("linked"); });
      }
    });
    svg.classList.add("searching");
    if (hits.length && el(hits[0].svg) && el(hits[0].svg).scrollIntoView) el(hits[0].svg).scrollIntoView({ block: "center", inline: "center" });
    status.textContent = hits.length ? hits.length + " actor(s) found: " + hits.map(function (n) { return n.id; }).join(", ") + "; " + links + " link(s)" : "no actor matches \u201c" + q + "\u201d";
    return hits;
  }
  function text(tag, s, cls) { var x = document.createElement(tag); x.textContent = s; if (cls) x.className = cls; return x; }
  function show(id) {
    var e = edgeById[id];
    if (!e) return;
    Array.prototype.forEach.call(svg.querySelectorAll("g.edge.selected"), function (g) { g.classList.remove("selected"); });
    var g = el(id); if (g) g.classList.add("selected");
    panel.innerHTML = "";
    var arrow = e.kind === "attribution" ? " \u2192 " : " \u2014 ";
    panel.appendChild(text("h2", e.source + arrow + e.target));
    panel.appendChild(text("p", e.kind + ", seen " + e.weight + " time(s); " + e.evidence.length + " piece(s) of evidence kept"));
    var list = document.createElement("div");
    list.id = "evidence-list";
    e.evidence.forEach(function (ev) {
      var item = document.createElement("div");
      item.className = "evidence-item";
      item.appendChild(text("div", ev.doc + " bytes " + ev.start + "\u2013" + ev.end, "where"));
      if (ev.text !== null) item.appendChild(text("blockquote", ev.text, "sentence"));
      else item.appendChild(text("div", ev.error, "missing"));
      list.appendChild(item);
    });
    panel.appendChild(list);
  }
  Array.prototype.forEach.call(svg.querySelectorAll("g.edge"), function (g) {
    var path = g.querySelector("path");
    if (path) { var hit = path.cloneNode(false); hit.setAttribute("class", "hitarea"); g.insertBefore(hit, g.firstChild); }
    g.addEventListener("click", function () { show(g.id); });
  });
  Array.prototype.forEach.call(svg.querySelectorAll("g.node"), function (g) {
    g.addEventListener("click", function () {
      var n = data.nodes.filter(function (n) { return n.svg === g.id; })[0];
      if (n) { input.value = n.id; search(n.id); }
    });
  });
  input.addEventListener("input", function () { search(input.value); });
  var fit = document.getElementById("fit");
  fit.addEventListener("click", function () {
    var on = document.getElementById("graph").classList.toggle("fit");
    fit.textContent = on ? "Actual size" : "Fit to window";
  });
  var params = new URLSearchParams(location.hash.slice(1) || location.search.slice(1));
  if (params.get("q")) { input.value = params.get("q"); search(params.get("q")); }
  if (params.get("edge") && el(params.get("edge"))) el(params.get("edge")).dispatchEvent(new MouseEvent("click", { bubbles: true }));
})();
</script>
</body>
</html>
"##;
