#!/usr/bin/env bash
# The HTML export's viewer in a real browser (tests/viewer.rs): pages built
# from invented articles, the seed articles (../shared) and a generated
# 5,000-actor / 20,000-link graph, driven in headless Chromium over the
# DevTools Protocol by tests/html/cdp.py with real mouse and key events.
# Needs Chromium, Graphviz (sfdp) and a Python with `websockets`
# (Debian: apt-get install -y chromium graphviz python3-venv; then
#  python3 -m venv .venv && .venv/bin/pip install -r tests/python-requirements.txt
#  and ACTORGRAPH_PYTHON=.venv/bin/python); fails, rather than skips, when
# any is missing. ACTORGRAPH_SCREENSHOTS=DIR keeps a screenshot of each page.
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in chromium sfdp; do
  command -v "$tool" >/dev/null || { echo "tests/html/check.sh: \`$tool\` is not installed" >&2; exit 1; }
done
ACTORGRAPH_REQUIRE_TOOLS=1 cargo test -q --test viewer -- --nocapture
