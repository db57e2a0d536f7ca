#!/usr/bin/env bash
# The HTML export in a real browser: builds a page from fixture articles,
# opens it in headless Chromium with a search and an edge click in the URL
# fragment, and checks the resulting DOM (tests/export.rs,
# html_page_searches_and_shows_evidence_in_chromium). Needs Graphviz and
# Chromium (Debian: apt-get install -y graphviz chromium); fails, rather
# than skips, when either is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in dot chromium; do
  command -v "$tool" >/dev/null || { echo "tests/html/check.sh: \`$tool\` is not installed" >&2; exit 1; }
done
ACTORGRAPH_REQUIRE_TOOLS=1 cargo test -q --test export html_page -- --nocapture
