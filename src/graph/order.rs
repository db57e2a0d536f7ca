//! The order of serialisation: nodes by id, edges by (kind, source id,
//! target id), each sorted on integers rather than strings.

use super::{ActorGraph, EdgeKind};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};

impl ActorGraph {
    /// Nodes in id order (equal ids, which a graph changed by hand may
    /// hold, in index order).
    pub fn sorted_nodes(&self) -> Vec<NodeIndex> {
        // Sorted by the ids' first eight bytes as one integer, the whole ids
        // compared only where those tie: what comparing ids gives, as a
        // shorter id pads with zero bytes below any longer one it opens.
        let id = |n: NodeIndex| self.graph[n].id.as_bytes();
        let mut v: Vec<(u64, NodeIndex)> = self
            .graph
            .node_indices()
            .map(|n| {
                let mut head = [0u8; 8];
                let b = id(n);
                let k = b.len().min(8);
                head[..k].copy_from_slice(&b[..k]);
                (u64::from_be_bytes(head), n)
            })
            .collect();
        v.sort_unstable_by(|x, y| {
            x.0.cmp(&y.0)
                .then_with(|| id(x.1).cmp(id(y.1)))
                .then_with(|| x.1.cmp(&y.1))
        });
        v.into_iter().map(|(_, n)| n).collect()
    }

    /// Edges in (kind, source id, target id) order.
    pub fn sorted_edges(&self) -> Vec<EdgeIndex> {
        self.sorted_edges_after(&self.sorted_nodes())
    }

    /// Nodes in id order, and edges in (kind, source id, target id) order.
    pub fn sorted(&self) -> (Vec<NodeIndex>, Vec<EdgeIndex>) {
        let nodes = self.sorted_nodes();
        let edges = self.sorted_edges_after(&nodes);
        (nodes, edges)
    }

    /// Edges in (kind, source id, target id) order, given the nodes in id
    /// order: ids are compared by their rank, so the sort compares
    /// integers, not strings (equal ids get equal ranks).
    pub(super) fn sorted_edges_after(&self, nodes: &[NodeIndex]) -> Vec<EdgeIndex> {
        let bound = petgraph::visit::NodeIndexable::node_bound(&self.graph);
        // Ranks, edges and buckets fit in 32 bits (checked).
        assert!(
            nodes.len() < 1 << 30 && self.graph.edge_count() < 1 << 31,
            "too many nodes or edges to rank"
        );
        let mut rank = vec![0u32; bound];
        let mut r = 0u32;
        for (i, &n) in nodes.iter().enumerate() {
            if i > 0 && self.graph[n].id != self.graph[nodes[i - 1]].id {
                r += 1;
            }
            rank[n.index()] = r;
        }
        // Edges counted into one bucket per (kind, source rank), in index
        // order, then each bucket sorted by (target rank, index): what a
        // stable sort by (kind, source id, target id) gives.
        let edges: Vec<EdgeIndex> = self.graph.edge_indices().collect();
        let sources = r as usize + 1;
        let mut at = vec![0u32; 2 * sources + 1];
        let keys: Vec<(u32, u32)> = edges
            .iter()
            .map(|&e| {
                let (a, b) = self.graph.edge_endpoints(e).expect("edge");
                let kind = match self.graph[e].kind {
                    EdgeKind::Cooccurrence => 0,
                    EdgeKind::Attribution => sources,
                };
                let bucket = kind + rank[a.index()] as usize;
                at[bucket + 1] += 1;
                (bucket as u32, rank[b.index()])
            })
            .collect();
        for k in 1..at.len() {
            at[k] += at[k - 1];
        }
        let mut v: Vec<(u32, u32)> = vec![(0, 0); edges.len()];
        let mut next = at.clone();
        for (i, &(bucket, target)) in keys.iter().enumerate() {
            let slot = &mut next[bucket as usize];
            v[*slot as usize] = (target, i as u32);
            *slot += 1;
        }
        for w in at.windows(2) {
            let run = &mut v[w[0] as usize..w[1] as usize];
            if run.len() > 1 {
                run.sort_unstable();
            }
        }
        v.into_iter().map(|(_, i)| edges[i as usize]).collect()
    }
}
