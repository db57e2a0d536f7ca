"""Load actorgraph's exports in the real tools; print what each tool saw.

Usage: python export_tools.py FORMAT FILE

FORMAT is one of graphml-networkx, gexf-networkx, graphml-igraph, ftm.
The file is read with the tool (NetworkX, igraph, followthemoney) and one
JSON object is printed:

    {"directed": bool, "multigraph": bool,
     "nodes": {id: {"kind": str, "mentions": int|null, "documents": int|null}},
     "edges": [{"source", "target", "kind", "weight", "evidence_count", "directed"}]}

so that tests/export_tools.rs compares it with the JSON export. A missing
package exits with status 3 and names it; any other failure (the tool
refusing the file, an FtM entity that does not validate) raises.
"""

import hashlib
import json
import re
import sys
import unicodedata


def need(module):
    try:
        return __import__(module)
    except ImportError as e:
        print(f"python package {module!r} not installed ({e})", file=sys.stderr)
        sys.exit(3)


def networkx_graph(G):
    """The graph keyed by actor id (the `label`)."""
    names = {n: d["label"] for n, d in G.nodes(data=True)}
    nodes = {}
    for n, d in G.nodes(data=True):
        nodes[d["label"]] = {
            "kind": d["kind"],
            "mentions": d["mentions"],
            "documents": d["documents"],
        }
        for key in ("mentions", "documents"):
            assert type(d[key]) is int, (n, key, d[key])
    edges = []
    for u, v, d in G.edges(data=True):
        assert isinstance(d["weight"], float), d
        assert type(d["evidence_count"]) is int, d
        assert type(d["directed"]) is bool, d
        edges.append(
            {
                "source": names[u],
                "target": names[v],
                "kind": d["kind"],
                "weight": int(d["weight"]),
                "evidence_count": d["evidence_count"],
                "directed": d["directed"],
            }
        )
    return {
        "directed": G.is_directed(),
        "multigraph": G.is_multigraph(),
        "nodes": nodes,
        "edges": edges,
    }


def graphml_networkx(path):
    nx = need("networkx")
    return networkx_graph(nx.read_graphml(path))


def gexf_networkx(path):
    nx = need("networkx")
    # Node ids are the actor ids, and so are the labels.
    G = nx.read_gexf(path, relabel=False)
    for n, d in G.nodes(data=True):
        assert d["label"] == n, (n, d)
    return networkx_graph(G)


def graphml_igraph(path):
    ig = need("igraph")
    g = ig.Graph.Read_GraphML(path)
    # The actor id is the vertex's `label`; igraph's `id` is n0, n1, ...
    names = g.vs["label"]
    nodes = {}
    for v in g.vs:
        # igraph reads GraphML long and int as floats.
        for key in ("mentions", "documents"):
            assert float(v[key]).is_integer(), (v["id"], key, v[key])
        nodes[v["label"]] = {
            "kind": v["kind"],
            "mentions": int(v["mentions"]),
            "documents": int(v["documents"]),
        }
    edges = []
    for e in g.es:
        assert isinstance(e["directed"], bool), e.attributes()
        edges.append(
            {
                "source": names[e.source],
                "target": names[e.target],
                "kind": e["kind"],
                "weight": int(e["weight"]),
                "evidence_count": int(e["evidence_count"]),
                "directed": e["directed"],
            }
        )
    return {
        "directed": g.is_directed(),
        "multigraph": any(g.is_multiple()),
        "nodes": nodes,
        "edges": edges,
    }


def sha_id(key):
    return "ag-" + hashlib.sha1(key.encode("utf-8")).hexdigest()


def ftm(path):
    need("followthemoney")
    from followthemoney import model

    with open(path, encoding="utf-8") as f:
        entities = [json.loads(line) for line in f if line.strip()]
    by_id = {}
    for data in entities:
        schema = model.get(data["schema"])
        assert schema is not None and not schema.abstract, data
        props = data["properties"]
        unknown = [p for p in props if p not in schema.properties]
        assert not unknown, (data["id"], unknown)
        missing = [p for p in schema.required if not props.get(p)]
        assert not missing, (data["id"], "required", missing)
        schema.validate(data)
        proxy = model.get_proxy(data, cleaned=False)
        kept = proxy.to_dict()["properties"]
        # Cleaning keeps every value (FtM normalises text to NFC).
        for p, values in props.items():
            want = sorted(unicodedata.normalize("NFC", v) for v in values)
            assert sorted(kept.get(p, [])) == want, (data["id"], p, values, kept.get(p))
        assert data["id"] not in by_id, ("id twice", data["id"])
        by_id[data["id"]] = proxy
    nodes, names, edges = {}, {}, []
    for eid, p in by_id.items():
        if p.schema.name in ("Person", "Organization"):
            (name,) = p.get("name")
            assert eid == sha_id("actor:" + name), (eid, name)
            names[eid] = name
            nodes[name] = {"kind": p.schema.name.lower(), "mentions": None, "documents": None}
        elif p.schema.name == "Document":
            (title,) = p.get("title")
            assert eid == sha_id("document:" + title), (eid, title)
    for eid, p in by_id.items():
        if p.schema.name != "UnknownLink":
            continue
        (s,) = p.get("subject")
        (o,) = p.get("object")
        (role,) = p.get("role")
        kind = {"co-occurrence": "cooccurrence", "attribution": "attribution"}[role]
        assert eid == sha_id(f"link:{kind}:{names[s]}\0{names[o]}"), eid
        for doc in p.get("proof"):
            assert by_id[doc].schema.name == "Document", doc
        (summary,) = p.get("summary")
        weight = int(re.search(r"(\d+) times?$", summary).group(1))
        evidence = p.get("description")
        for ev in evidence:
            assert re.match(r".+:\d+-\d+(: .+)?$", ev), ev
        edges.append(
            {
                "source": names[s],
                "target": names[o],
                "kind": kind,
                "weight": weight,
                "evidence_count": len(evidence),
                "directed": kind == "attribution",
            }
        )
    return {"directed": True, "multigraph": True, "nodes": nodes, "edges": edges}


READERS = {
    "graphml-networkx": graphml_networkx,
    "gexf-networkx": gexf_networkx,
    "graphml-igraph": graphml_igraph,
    "ftm": ftm,
}

if __name__ == "__main__":
    fmt, path = sys.argv[1], sys.argv[2]
    json.dump(READERS[fmt](path), sys.stdout)
