// Load an actorgraph GraphML or GEXF export with graphology's readers (the
// ones Gephi Lite uses) and print what they saw, in the shape
// tests/export_tools.py prints, for tests/export_tools.rs to compare with
// the JSON export.
//
// Usage: NODE_PATH=DIR/node_modules node export_tools.js graphml|gexf FILE
// A missing package exits with status 3 and names it.

const fs = require("fs");

function need(name) {
  try {
    return require(name);
  } catch (e) {
    console.error(`node package '${name}' not installed (${e.message.split("\n")[0]})`);
    process.exit(3);
  }
}

const [fmt, path] = process.argv.slice(2);
const Graph = need("graphology");
const reader = need(fmt === "gexf" ? "graphology-gexf" : "graphology-graphml");
const g = reader.parse(Graph, fs.readFileSync(path, "utf8"));

function int(x, what) {
  if (typeof x !== "number" || !Number.isInteger(x)) {
    throw new Error(`${what}: ${JSON.stringify(x)} is not an integer`);
  }
  return x;
}

// Keyed by actor id, the label (GraphML's node ids are n0, n1, ...).
const nodes = {};
const label = (id) => g.getNodeAttribute(id, "label");
g.forEachNode((id, a) => {
  if (fmt === "gexf" && a.label !== id) throw new Error(`node ${id}: label ${a.label}`);
  nodes[a.label] = {
    kind: a.kind,
    mentions: int(a.mentions, `${id} mentions`),
    documents: int(a.documents, `${id} documents`),
  };
});
const edges = [];
g.forEachEdge((key, a, source, target, _sa, _ta, undirected) => {
  if (undirected) throw new Error(`edge ${key} read as undirected`);
  if (typeof a.directed !== "boolean") throw new Error(`edge ${key}: directed ${a.directed}`);
  edges.push({
    source: label(source),
    target: label(target),
    kind: a.kind,
    weight: int(a.weight, `${key} weight`),
    evidence_count: int(a.evidence_count, `${key} evidence_count`),
    directed: a.directed,
  });
});
process.stdout.write(
  JSON.stringify({ directed: g.type === "directed", multigraph: g.multi, nodes, edges }),
);
