// The viewer of actorgraph's HTML export: sigma.js (WebGL) over a
// graphology graph read from the page's <script id="data"> element.
// Built by ../build.sh into src/export/html/viewer.js, which the Rust side
// inlines into every page (no network at view time).
//
// Data (written by src/export/html.rs):
//   nodes: [id, kind, mentions, documents, [aliases], x, y]  (x, y null when
//          the export computed no layout: ForceAtlas2 then runs in a worker);
//          a source node (kind "source") has its words as an eighth item
//   edges: [source index, target index, kind, weight, [[doc index, start, end, text, error]]]
//          and, for attribution: {cue: count}, {class: count}, [best, mean] or null
//   docs:  [path]
// Edge k is `e{k}` and node i is `n{i}`, numbered as in every export.
import Graph from "graphology";
import Sigma from "sigma";
import { EdgeArrowProgram, EdgeRectangleProgram } from "sigma/rendering";
import louvain from "graphology-communities-louvain";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import forceAtlas2 from "graphology-layout-forceatlas2";

const KIND_COLOUR = { person: "#4e79a7", organization: "#e8871e", source: "#8c8c8c" };
const EDGE_COLOUR = { cooccurrence: "#b8bcc6", attribution: "#c0392b" };
const PALETTE = [
  "#4e79a7", "#e8871e", "#59a14f", "#e15759", "#76b7b2", "#b07aa1",
  "#edc948", "#9c755f", "#ff9da7", "#17becf", "#8c564b", "#bcbd22",
];
const OTHER = "#9aa0aa";
const DIM = "#e4e6ea";

function $(id) {
  return document.getElementById(id);
}
function el(tag, text, cls) {
  const x = document.createElement(tag);
  if (text !== undefined && text !== null) x.textContent = text;
  if (cls) x.className = cls;
  return x;
}

// The name an actor is shown by: a source node's words, else its id.
function shown(n) {
  return n[7] ?? n[0];
}

// Counts {key: n} as "key n, key n", the largest first.
function countsText(counts) {
  return Object.entries(counts || {})
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
}

function start() {
  const t0 = performance.now();
  const data = JSON.parse($("data").textContent);
  const nodes = data.nodes;
  const edges = data.edges;
  const docs = data.docs;
  const graph = new Graph({ multi: true, type: "mixed", allowSelfLoops: false });
  let maxMentions = 1;
  for (const n of nodes) maxMentions = Math.max(maxMentions, n[2]);
  const laidOut = nodes.length === 0 || nodes[0][5] !== null;
  const golden = Math.PI * (3 - Math.sqrt(5));
  const big = nodes.length > 1000;
  nodes.forEach((n, i) => {
    // Without a layout: a sunflower spiral, refined by ForceAtlas2 below.
    const r = Math.sqrt(i + 0.5);
    graph.addNode("n" + i, {
      label: shown(n),
      kind: n[1],
      mentions: n[2],
      x: laidOut ? n[5] : r * Math.cos(i * golden),
      y: laidOut ? n[6] : r * Math.sin(i * golden),
      size: big ? 1.5 + 6 * Math.sqrt(n[2] / maxMentions) : 3 + 12 * Math.sqrt(n[2] / maxMentions),
      color: KIND_COLOUR[n[1]] || OTHER,
    });
  });
  // Thinner lines when there are many: fewer pixels to fill on every frame.
  const thin = edges.length > 4000 ? 0.5 : 1;
  edges.forEach((e, k) => {
    const attrs = {
      kind: e[2],
      weight: e[3],
      size: thin * (1 + Math.log2(e[3])),
      color: EDGE_COLOUR[e[2]] || OTHER,
      type: e[2] === "attribution" ? "arrow" : "line",
    };
    if (e[2] === "attribution") graph.addDirectedEdgeWithKey("e" + k, "n" + e[0], "n" + e[1], attrs);
    else graph.addUndirectedEdgeWithKey("e" + k, "n" + e[0], "n" + e[1], attrs);
  });
  const byName = new Map();
  nodes.forEach((n, i) => {
    for (const name of new Set([n[0]].concat(n[4]).map((x) => x.toLowerCase()))) {
      if (!byName.has(name)) byName.set(name, []);
      byName.get(name).push(i);
    }
  });
  const names = Array.from(byName.keys()).sort();

  // What the user chose; the reducers read it on every frame.
  const state = {
    kinds: { cooccurrence: true, attribution: true },
    minWeight: 1,
    colour: "kind",
    communities: null,
    focus: null, // a node key: it and its neighbours stay lit
    neighbours: null,
    edge: null, // the selected edge key
    // Large graphs laid out in the page: links are drawn once the layout
    // stops (like hideEdgesOnMove), so the moving picture stays light.
    edgesWait: !laidOut && edges.length > 4000,
    hits: null, // search hits: Set of node keys
  };
  function edgeShown(attrs) {
    return state.kinds[attrs.kind] && attrs.weight >= state.minWeight;
  }
  function nodeColour(key, attrs) {
    if (state.colour === "community" && state.communities) {
      const c = state.communities.rank[state.communities.of[key]];
      return communityColour(c);
    }
    return attrs.color;
  }

  // The largest communities get the palette; the rest hues a golden angle
  // apart, paler, so that neighbouring small communities still differ.
  function communityColour(rank) {
    if (rank < PALETTE.length) return PALETTE[rank];
    return hslHex((rank * 137.508) % 360, 0.45, 0.68);
  }

  const container = $("graph");
  const renderer = new Sigma(graph, container, {
    enableEdgeEvents: true,
    defaultEdgeType: "line",
    edgeProgramClasses: { line: EdgeRectangleProgram, arrow: EdgeArrowProgram },
    labelRenderedSizeThreshold: 7,
    // Large graphs: links hidden while the camera moves, so panning stays fluid.
    hideEdgesOnMove: edges.length > 4000,
    labelDensity: 0.6,
    zIndex: true,
    minCameraRatio: 0.002,
    maxCameraRatio: 20,
    nodeReducer(key, attrs) {
      const lit = state.neighbours ? state.neighbours.has(key) : true;
      const res = { ...attrs, color: nodeColour(key, attrs) };
      if (!lit) {
        res.color = DIM;
        res.label = "";
        res.zIndex = 0;
      } else if (state.focus || state.hits) {
        res.zIndex = 1;
        res.forceLabel = state.focus === key || (state.hits && state.hits.has(key)) || (state.focus && graph.order < 2000);
        if (state.focus === key || (state.hits && state.hits.has(key))) res.highlighted = true;
      }
      return res;
    },
    edgeReducer(key, attrs) {
      if (!edgeShown(attrs) || state.edgesWait) return { ...attrs, hidden: true };
      if (key === state.edge) return { ...attrs, color: "#d35400", size: attrs.size + 3, zIndex: 2 };
      const f = state.focus;
      if (f) {
        const ext = graph.extremities(key);
        if (ext[0] !== f && ext[1] !== f) return { ...attrs, hidden: true };
        return { ...attrs, zIndex: 1 };
      }
      if (state.hits) {
        const ext = graph.extremities(key);
        if (!state.hits.has(ext[0]) && !state.hits.has(ext[1])) return { ...attrs, color: DIM, zIndex: 0 };
      }
      return attrs;
    },
  });

  const panel = $("evidence");
  const status = $("status");
  const input = $("search");
  const suggest = $("suggest");

  function nodeName(key) {
    return nodes[+key.slice(1)][0];
  }
  function refresh() {
    renderer.refresh({ skipIndexation: true });
  }
  function visibleEdgesOf(key) {
    const out = [];
    graph.forEachEdge(key, (e, attrs) => {
      if (edgeShown(attrs)) out.push(e);
    });
    return out;
  }

  // The evidence of one link, in the side panel.
  function showEdge(key) {
    const k = +key.slice(1);
    const e = edges[k];
    if (!e) return;
    state.edge = key;
    panel.innerHTML = "";
    const arrow = e[2] === "attribution" ? " \u2192 " : " \u2014 ";
    const h = el("h2");
    h.append(nodeLink(e[0]), arrow, nodeLink(e[1]));
    panel.appendChild(h);
    panel.appendChild(el("p", `${e[2]}, seen ${e[3]} time(s); ${e[4].length} piece(s) of evidence kept`, "meta"));
    if (e[2] === "attribution" && e.length > 5) {
      const parts = [];
      if (countsText(e[6])) parts.push("Statements: " + countsText(e[6]));
      if (countsText(e[5])) parts.push("cues: " + countsText(e[5]));
      if (e[7]) parts.push(`confidence: best ${e[7][0]}%, mean ${e[7][1]}%`);
      if (parts.length) {
        const said = el("p", parts.join("; "), "statements");
        said.id = "statements";
        panel.appendChild(said);
      }
    }
    const list = el("div");
    list.id = "evidence-list";
    list.dataset.edge = key;
    for (const ev of e[4]) {
      const item = el("div", null, "evidence-item");
      item.appendChild(el("div", `${docs[ev[0]]} bytes ${ev[1]}\u2013${ev[2]}`, "where"));
      if (ev[3] !== null) item.appendChild(el("blockquote", ev[3], "sentence"));
      else item.appendChild(el("div", ev[4], "missing"));
      list.appendChild(item);
    }
    panel.appendChild(list);
    // Links drawn on top of each other (both kinds, both directions): all listed.
    const a = "n" + e[0];
    const b = "n" + e[1];
    const others = new Set(graph.edges(a, b).concat(graph.edges(b, a)));
    others.delete(key);
    if (others.size) {
      panel.appendChild(el("h3", "Also between them"));
      const also = el("ul");
      also.id = "also";
      for (const o of others) {
        const oe = edges[+o.slice(1)];
        const li = el("li");
        li.dataset.edge = o;
        const x = el("a", `${shown(nodes[oe[0]])}${oe[2] === "attribution" ? " \u2192 " : " \u2014 "}${shown(nodes[oe[1]])}: ${oe[2]} \u00d7${oe[3]}`, "link");
        x.href = "#edge=" + o;
        x.addEventListener("click", (ev) => {
          ev.preventDefault();
          showEdge(o);
        });
        li.appendChild(x);
        also.appendChild(li);
      }
      panel.appendChild(also);
    }
    refresh();
  }
  function nodeLink(i) {
    const a = el("a", shown(nodes[i]), "actor");
    a.href = "#q=" + encodeURIComponent(nodes[i][0]);
    a.addEventListener("click", (ev) => {
      ev.preventDefault();
      focusNode("n" + i, true);
    });
    return a;
  }

  // An actor and its neighbours, in the side panel and on the picture.
  function focusNode(key, move) {
    const i = +key.slice(1);
    const n = nodes[i];
    state.focus = key;
    state.hits = null;
    state.edge = null;
    state.neighbours = new Set([key]);
    const links = visibleEdgesOf(key);
    for (const e of links) {
      const ext = graph.extremities(e);
      state.neighbours.add(ext[0]);
      state.neighbours.add(ext[1]);
    }
    panel.innerHTML = "";
    const h = el("h2", shown(n));
    h.id = "actor";
    h.dataset.node = key;
    panel.appendChild(h);
    panel.appendChild(el("p", `${n[1]}; ${n[2]} mention(s) in ${n[3]} document(s)`, "meta"));
    const also = n[4].filter((a) => a !== n[0] && a !== shown(n));
    if (also.length) panel.appendChild(el("p", "Also: " + also.join(", "), "aliases"));
    panel.appendChild(el("h3", `${state.neighbours.size - 1} linked actor(s), ${links.length} link(s)`));
    const list = el("ul");
    list.id = "neighbours";
    links.sort((a, b) => graph.getEdgeAttribute(b, "weight") - graph.getEdgeAttribute(a, "weight"));
    for (const e of links) {
      const ext = graph.extremities(e);
      const other = ext[0] === key ? ext[1] : ext[0];
      const attrs = graph.getEdgeAttributes(e);
      const li = el("li");
      li.dataset.edge = e;
      const dir = attrs.kind === "attribution" ? (ext[0] === key ? "\u2192 " : "\u2190 ") : "\u2014 ";
      li.append(dir, nodeLink(+other.slice(1)), " ");
      const ev = el("a", `${attrs.kind} \u00d7${attrs.weight}`, "link");
      ev.href = "#edge=" + e;
      ev.addEventListener("click", (x) => {
        x.preventDefault();
        showEdge(e);
      });
      li.appendChild(ev);
      list.appendChild(li);
    }
    panel.appendChild(list);
    status.textContent = `${shown(n)}: ${state.neighbours.size - 1} linked actor(s)`;
    if (move) {
      const p = renderer.getNodeDisplayData(key);
      if (p) renderer.getCamera().animate({ x: p.x, y: p.y, ratio: Math.min(renderer.getCamera().ratio, 0.4) }, { duration: 400 });
    }
    refresh();
  }

  function clearFocus() {
    state.focus = null;
    state.neighbours = null;
    state.edge = null;
    state.hits = null;
    status.textContent = "";
    refresh();
  }

  // Search: exact name or alias first, else every name containing the words.
  function matches(q) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    if (byName.has(q)) return byName.get(q).slice();
    const seen = new Set();
    for (const name of names) {
      if (name.includes(q)) for (const i of byName.get(name)) seen.add(i);
    }
    return Array.from(seen);
  }
  function search(q) {
    const hits = matches(q);
    state.focus = null;
    state.neighbours = null;
    state.edge = null;
    if (!q.trim()) {
      clearFocus();
      return hits;
    }
    if (hits.length === 1) {
      focusNode("n" + hits[0], true);
      status.textContent = `1 actor found: ${nodes[hits[0]][0]}; ${visibleEdgesOf("n" + hits[0]).length} link(s)`;
      return hits;
    }
    state.hits = hits.length ? new Set(hits.map((i) => "n" + i)) : null;
    if (state.hits) {
      // The matches, their links and their neighbours stay lit.
      state.neighbours = new Set(state.hits);
      for (const key of state.hits) {
        for (const e of visibleEdgesOf(key)) {
          const ext = graph.extremities(e);
          state.neighbours.add(ext[0]);
          state.neighbours.add(ext[1]);
        }
      }
      panel.innerHTML = "";
      panel.appendChild(el("h2", `${hits.length} actors match \u201c${q.trim()}\u201d`));
      const list = el("ul");
      list.id = "matches";
      for (const i of hits.slice(0, 200)) {
        const li = el("li");
        li.appendChild(nodeLink(i));
        list.appendChild(li);
      }
      panel.appendChild(list);
    }
    status.textContent = hits.length
      ? `${hits.length} actor(s) found: ${hits.slice(0, 8).map((i) => nodes[i][0]).join(", ")}${hits.length > 8 ? ", \u2026" : ""}`
      : `no actor matches \u201c${q.trim()}\u201d`;
    refresh();
    return hits;
  }
  let active = -1;
  function showSuggestions() {
    const q = input.value.trim().toLowerCase();
    suggest.innerHTML = "";
    active = -1;
    if (!q) {
      suggest.hidden = true;
      return;
    }
    const starts = [];
    const inside = [];
    for (const name of names) {
      if (name.startsWith(q)) starts.push(name);
      else if (name.includes(q)) inside.push(name);
      if (starts.length >= 12) break;
    }
    const shown = new Set();
    for (const name of starts.concat(inside)) {
      for (const i of byName.get(name)) {
        if (shown.has(i) || shown.size >= 12) continue;
        shown.add(i);
        const li = el("li", nodes[i][0]);
        if (name !== nodes[i][0].toLowerCase()) li.appendChild(el("span", " (" + name + ")", "alias"));
        li.dataset.node = "n" + i;
        li.addEventListener("mousedown", (ev) => {
          ev.preventDefault();
          pick(i);
        });
        suggest.appendChild(li);
      }
    }
    suggest.hidden = shown.size === 0;
  }
  function pick(i) {
    input.value = nodes[i][0];
    suggest.hidden = true;
    focusNode("n" + i, true);
  }
  input.addEventListener("input", showSuggestions);
  input.addEventListener("keydown", (ev) => {
    const items = suggest.querySelectorAll("li");
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!items.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      items.forEach((li, j) => li.classList.toggle("active", j === active));
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      if (active >= 0 && items[active]) pick(+items[active].dataset.node.slice(1));
      else {
        suggest.hidden = true;
        search(input.value);
      }
    } else if (ev.key === "Escape") {
      suggest.hidden = true;
    }
  });
  input.addEventListener("blur", () => {
    suggest.hidden = true;
  });

  // Clicks and hovers on the picture.
  // The last thing clicked on the picture (for tests): {type, key}.
  let lastClick = null;
  renderer.on("clickNode", ({ node }) => {
    lastClick = { type: "node", key: node };
    input.value = nodeName(node);
    focusNode(node, false);
  });
  renderer.on("clickEdge", ({ edge }) => {
    lastClick = { type: "edge", key: edge };
    showEdge(edge);
  });
  renderer.on("clickStage", () => {
    lastClick = { type: "stage", key: null };
    if (state.focus || state.hits || state.edge) clearFocus();
  });
  renderer.on("enterNode", () => {
    container.style.cursor = "pointer";
  });
  renderer.on("leaveNode", () => {
    container.style.cursor = "";
  });
  renderer.on("enterEdge", () => {
    container.style.cursor = "pointer";
  });
  renderer.on("leaveEdge", () => {
    container.style.cursor = "";
  });

  // Filters, colours, the legend.
  const weights = Array.from(new Set(edges.map((e) => e[3]))).sort((a, b) => a - b);
  const slider = $("weight");
  slider.max = String(Math.max(0, weights.length - 1));
  slider.value = "0";
  function setWeight() {
    state.minWeight = weights.length ? weights[+slider.value] : 1;
    $("weight-value").textContent = "\u2265 " + state.minWeight;
    if (state.focus) focusNode(state.focus, false);
    else refresh();
    counts();
  }
  slider.addEventListener("input", setWeight);
  for (const kind of ["cooccurrence", "attribution"]) {
    const box = $("kind-" + kind);
    box.addEventListener("change", () => {
      state.kinds[kind] = box.checked;
      if (state.focus) focusNode(state.focus, false);
      else refresh();
      counts();
    });
  }
  function counts() {
    let shown = 0;
    graph.forEachEdge((e, attrs) => {
      if (edgeShown(attrs)) shown++;
    });
    $("counts").textContent = `${graph.order} actors, ${shown} of ${graph.size} links shown`;
  }
  const colourBy = $("colour");
  colourBy.addEventListener("change", () => {
    state.colour = colourBy.value;
    if (state.colour === "community" && !state.communities) {
      // Louvain wants a simple graph: one undirected link per pair, weights added.
      const simple = new Graph({ type: "undirected" });
      graph.forEachNode((key) => simple.addNode(key));
      graph.forEachEdge((e, attrs, a, b) => {
        if (simple.hasEdge(a, b)) simple.updateEdgeAttribute(a, b, "weight", (w) => w + attrs.weight);
        else simple.addEdge(a, b, { weight: attrs.weight });
      });
      const of = louvain(simple, { getEdgeWeight: "weight", rng: seeded(1) });
      const size = {};
      for (const key in of) size[of[key]] = (size[of[key]] || 0) + 1;
      const order = Object.keys(size).sort((a, b) => size[b] - size[a] || a - b);
      const rank = {};
      order.forEach((c, j) => (rank[c] = j));
      state.communities = { of, rank, order, size };
    }
    legend();
    refresh();
  });
  function legend() {
    const box = $("legend-colours");
    box.innerHTML = "";
    const row = (colour, label) => {
      const li = el("li");
      const sw = el("span", null, "swatch");
      sw.style.background = colour;
      li.append(sw, label);
      box.appendChild(li);
    };
    if (state.colour === "community" && state.communities) {
      const c = state.communities;
      c.order.slice(0, PALETTE.length).forEach((id, j) => {
        let top = null;
        for (const key in c.of) {
          if (c.of[key] == id && (top === null || graph.getNodeAttribute(key, "mentions") > graph.getNodeAttribute(top, "mentions"))) top = key;
        }
        row(PALETTE[j], `community of ${nodeName(top)} (${c.size[id]})`);
      });
      if (c.order.length > PALETTE.length) row(communityColour(PALETTE.length), `${c.order.length - PALETTE.length} smaller communities (paler colours)`);
    } else {
      row(KIND_COLOUR.person, "person");
      row(KIND_COLOUR.organization, "organization");
    }
  }
  legend();
  counts();
  $("fit").addEventListener("click", () => renderer.getCamera().animatedReset({ duration: 300 }));

  // Without positions from the export, ForceAtlas2 in a worker.
  let layout = null;
  const layoutButton = $("layout");
  function runLayout(ms) {
    if (!layout) {
      const settings = forceAtlas2.inferSettings(graph);
      settings.barnesHutOptimize = graph.order > 500;
      layout = new FA2Layout(graph, { settings, getEdgeWeight: null });
    }
    layout.start();
    layoutButton.textContent = "Stop layout";
    if (edges.length > 4000) state.edgesWait = true;
    if (ms) setTimeout(stopLayout, ms);
  }
  function stopLayout() {
    if (layout && layout.isRunning()) layout.stop();
    layoutButton.textContent = "Run layout";
    if (state.edgesWait) {
      state.edgesWait = false;
      refresh();
    }
  }
  layoutButton.addEventListener("click", () => {
    if (layout && layout.isRunning()) stopLayout();
    else runLayout(0);
  });
  // Started once the first frame is up, so the page answers at once.
  if (!laidOut && graph.order > 1) setTimeout(() => runLayout(Math.min(15000, 2000 + graph.order * 2)), 300);

  // Hooks for tests and the URL fragment: #q=NAME, #edge=e3, #node=n5,
  // #colour=community.
  window.actorgraph = {
    renderer,
    graph,
    state,
    search,
    showEdge,
    focusNode,
    clear: clearFocus,
    lastClick: () => lastClick,
    forgetClick: () => (lastClick = null),
    layoutRunning: () => !!(layout && layout.isRunning()),
    stopLayout,
    // Viewport (CSS pixel) coordinates, relative to the page, of a node or an edge's middle.
    nodePoint(key) {
      const d = renderer.getNodeDisplayData(key);
      const p = renderer.framedGraphToViewport(d);
      const r = container.getBoundingClientRect();
      return { x: p.x + r.left, y: p.y + r.top };
    },
    edgePoint(key, t = 0.5) {
      const ext = graph.extremities(key);
      const a = renderer.getNodeDisplayData(ext[0]);
      const b = renderer.getNodeDisplayData(ext[1]);
      const p = renderer.framedGraphToViewport({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
      const r = container.getBoundingClientRect();
      return { x: p.x + r.left, y: p.y + r.top };
    },
    // How far (CSS pixels) a page point is from a link's drawn line.
    edgeDistance(key, x, y) {
      const a = this.edgePoint(key, 0);
      const b = this.edgePoint(key, 1);
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len2 = dx * dx + dy * dy || 1;
      const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / len2));
      return Math.hypot(a.x + t * dx - x, a.y + t * dy - y);
    },
    // Centre the camera on a node, or a point of a link (a fraction t
    // along it), at a ratio (for a link, by default close enough that few
    // actors are in view).
    look(key, ratio, t = 0.5) {
      let x, y;
      if (key.startsWith("e")) {
        const ext = graph.extremities(key);
        const a = renderer.getNodeDisplayData(ext[0]);
        const b = renderer.getNodeDisplayData(ext[1]);
        x = a.x + (b.x - a.x) * t;
        y = a.y + (b.y - a.y) * t;
        if (!ratio) ratio = Math.max(0.002, Math.min(1, Math.hypot(b.x - a.x, b.y - a.y) * 1.6, 20 / Math.sqrt(graph.order + 1) / 10));
      } else {
        const d = renderer.getNodeDisplayData(key);
        x = d.x;
        y = d.y;
      }
      renderer.getCamera().setState({ x, y, ratio: ratio || 0.05, angle: 0 });
      renderer.refresh();
    },
  };

  const params = new URLSearchParams(location.hash.slice(1) || location.search.slice(1));
  if (params.get("colour") === "community") {
    colourBy.value = "community";
    colourBy.dispatchEvent(new Event("change"));
  }
  if (params.get("q")) {
    input.value = params.get("q");
    search(params.get("q"));
  }
  if (params.get("node") && graph.hasNode(params.get("node"))) focusNode(params.get("node"), true);
  if (params.get("edge") && graph.hasEdge(params.get("edge"))) showEdge(params.get("edge"));
  // The constructor drew the first frame; the fragment's actions drew theirs.
  document.body.dataset.ready = String(Math.round(performance.now() - t0));
}

// An HSL colour as #rrggbb (sigma reads hex and rgb(), not hsl()).
function hslHex(h, s, l) {
  const a = s * Math.min(l, 1 - l);
  const f = (n) => {
    const k = (n + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return "#" + f(0) + f(8) + f(4);
}

// A small seeded generator, so communities are the same on every open.
function seeded(s) {
  return function () {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
