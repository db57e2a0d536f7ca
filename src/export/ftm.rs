//! FollowTheMoney (FtM) entities as JSON Lines, the format Aleph,
//! OpenSanctions' tools and `ftm` (the `followthemoney` package) read.
//!
//! One entity a line, `{"id", "schema", "properties": {NAME: [VALUES]}}`:
//!
//! | entity | schema | properties |
//! |---|---|---|
//! | an actor | `Person` or `Organization` | `name` (the actor id), `alias` (its other names), `description` (its mention and document counts) |
//! | a document of the evidence | `Document` | `fileName` (the last part of the path), `title` (the path as stored) |
//! | a link | `UnknownLink` | `subject`, `object` (actor entities), `role` (`co-occurrence` or `attribution`), `summary` (what it is and how many times it was seen), `description` (one value per evidence: `doc:start-end`, then the sentence when the document can be read), `proof` (the documents), `recordId` (the kind, source and target ids) |
//!
//! Attribution links go from the speaker (`subject`) to the actor spoken
//! about (`object`); a co-occurrence link is stored once, subject the
//! smaller actor id, and its direction means nothing. Entities come in the
//! other exports' orders: actors by id, documents by path, links by (kind,
//! source, target).
//!
//! Ids are stable: the same actor, document or link has the same id in
//! every build, whatever else the graph holds. They are `ag-` and the
//! SHA-1 (hex) of a key: `actor:` + the actor id, `document:` + the path,
//! `link:KIND:` + source id + NUL + target id (KIND `cooccurrence` or
//! `attribution`).

use super::evidence::DocCache;
use crate::graph::{ActorGraph, EdgeKind, Window};
use crate::mentions::ActorKind;
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;
use std::io::{self, Write};

/// The entity id of an actor.
pub fn actor_id(actor: &str) -> String {
    entity_id(&format!("actor:{actor}"))
}

/// The entity id of a document.
pub fn document_id(path: &str) -> String {
    entity_id(&format!("document:{path}"))
}

/// The entity id of a link.
pub fn link_id(kind: EdgeKind, source: &str, target: &str) -> String {
    entity_id(&format!("link:{}:{source}\0{target}", kind.as_str()))
}

fn entity_id(key: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut id = String::with_capacity(43);
    id.push_str("ag-");
    for b in sha1(key.as_bytes()) {
        id.push(char::from(HEX[usize::from(b >> 4)]));
        id.push(char::from(HEX[usize::from(b & 15)]));
    }
    id
}

/// Write the graph as FtM entities, one JSON object a line. Evidence
/// sentences are read back from their documents through `docs`; where a
/// document cannot be read, the evidence is given by its span alone.
pub fn write(g: &ActorGraph, docs: &mut DocCache, out: &mut dyn Write) -> io::Result<()> {
    let (nodes, edges) = g.sorted();
    // Each actor's entity id, by node index: made once, used by its links.
    let mut ids = vec![String::new(); petgraph::visit::NodeIndexable::node_bound(&g.graph)];
    let line = |out: &mut dyn Write, id: String, schema: &str, props: Map<String, Value>| {
        let entity = json!({"id": id, "schema": schema, "properties": props});
        serde_json::to_writer(&mut *out, &entity)?;
        out.write_all(b"\n")
    };
    for &n in &nodes {
        let node = &g.graph[n];
        let schema = match node.kind {
            ActorKind::Person => "Person",
            ActorKind::Organization => "Organization",
            // An unnamed source ("senior officials"): a legal entity of
            // no known kind.
            ActorKind::Source => "LegalEntity",
        };
        let mut props = Map::new();
        props.insert("name".into(), json!([clean(&node.id)]));
        let aliases: Vec<String> = node
            .aliases
            .iter()
            .filter(|a| **a != node.id)
            .map(|a| clean(a))
            .collect();
        if !aliases.is_empty() {
            props.insert("alias".into(), json!(aliases));
        }
        props.insert(
            "description".into(),
            json!([format!(
                "Mentioned {} in {} (actorgraph)",
                plural(node.mentions, "time"),
                plural(node.documents, "document")
            )]),
        );
        ids[n.index()] = actor_id(&node.id);
        line(out, ids[n.index()].clone(), schema, props)?;
    }
    let paths: BTreeSet<&str> = edges
        .iter()
        .flat_map(|&e| g.graph[e].evidence.iter().map(|ev| ev.doc.as_str()))
        .collect();
    for path in &paths {
        let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
        let mut props = Map::new();
        props.insert("fileName".into(), json!([clean(file)]));
        props.insert("title".into(), json!([clean(path)]));
        line(out, document_id(path), "Document", props)?;
    }
    let together = match g.options().window {
        Window::Sentence => "sentence",
        Window::Paragraph => "paragraph",
    };
    for &e in &edges {
        let (a, b) = g.graph.edge_endpoints(e).expect("edge");
        let (source, target) = (&g.graph[a].id, &g.graph[b].id);
        let edge = &g.graph[e];
        let times = plural(edge.weight, "time");
        let (role, summary) = match edge.kind {
            EdgeKind::Cooccurrence => (
                "co-occurrence",
                format!("{source} and {target} named in the same {together}, {times}"),
            ),
            EdgeKind::Attribution => (
                "attribution",
                format!("{source} spoke about {target}, {times}"),
            ),
        };
        let described: Vec<String> = edge
            .evidence
            .iter()
            .map(|ev| {
                let span = format!("{}:{}-{}", ev.doc, ev.start, ev.end);
                match docs.text(ev).text.map(|t| clean(&t)) {
                    Some(t) if !t.is_empty() => format!("{span}: {t}"),
                    _ => span,
                }
            })
            .collect();
        let proof: BTreeSet<String> = edge
            .evidence
            .iter()
            .map(|ev| document_id(&ev.doc))
            .collect();
        let mut props = Map::new();
        props.insert("subject".into(), json!([ids[a.index()]]));
        props.insert("object".into(), json!([ids[b.index()]]));
        props.insert("role".into(), json!([role]));
        props.insert("summary".into(), json!([clean(&summary)]));
        if !described.is_empty() {
            props.insert("description".into(), json!(described));
            props.insert("proof".into(), json!(proof));
        }
        props.insert(
            "recordId".into(),
            json!([clean(&format!("{}:{source}->{target}", edge.kind.as_str()))]),
        );
        line(
            out,
            link_id(edge.kind, source, target),
            "UnknownLink",
            props,
        )?;
    }
    Ok(())
}

/// Text without control characters, which FtM's cleaning drops (a
/// document decoded as the wrong encoding holds C1 controls).
fn clean(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
}

fn plural(n: u64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// SHA-1 of `data` (the `sha1` crate): ids only, not security.
fn sha1(data: &[u8]) -> [u8; 20] {
    use sha1::Digest;
    sha1::Sha1::digest(data).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: [u8; 20]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    /// FIPS 180 test vectors, and lengths around the padding boundary
    /// (55, 56, 64 bytes) against the two-block vector.
    #[test]
    fn sha1_vectors() {
        assert_eq!(hex(sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(
            hex(sha1(b"abc")),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(
            hex(sha1(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        );
        assert_eq!(
            hex(sha1(&[b'a'; 1000])),
            "291e9a6c66994949b57ba5e650361e98fc36b1ba"
        );
    }

    #[test]
    fn ids_are_keyed_by_what_they_name() {
        assert_eq!(actor_id("Ines Varga"), actor_id("Ines Varga"));
        assert_ne!(actor_id("Ines Varga"), document_id("Ines Varga"));
        assert_ne!(
            link_id(EdgeKind::Attribution, "A", "B"),
            link_id(EdgeKind::Attribution, "B", "A")
        );
        assert_ne!(
            link_id(EdgeKind::Attribution, "A", "B"),
            link_id(EdgeKind::Cooccurrence, "A", "B")
        );
        assert_eq!(actor_id("x").len(), 43);
    }
}
