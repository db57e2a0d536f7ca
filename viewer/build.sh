#!/usr/bin/env bash
# Builds the viewer inlined into actorgraph's HTML export:
#   viewer/src/main.js + the pinned npm packages (package-lock.json)
#   -> src/export/html/viewer.js   (one minified script, licence notices at its end)
#   -> src/export/html/versions.txt (name@version of every package bundled, from the lock)
# Both outputs are committed, so `cargo build` needs no npm. Run after changing
# viewer/src or the packages; tests/viewer.rs checks the committed files match.
#   bash viewer/build.sh          # npm ci, then build
#   bash viewer/build.sh --check  # build into a temp dir and compare with the committed files
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/export/html"
check=0
[[ "${1:-}" == "--check" ]] && check=1
cd "$here"
command -v npm >/dev/null || { echo "viewer/build.sh: npm is not installed (Debian: apt-get install npm)" >&2; exit 1; }
if [[ ! -x node_modules/.bin/esbuild ]] || ! npm ls --depth=0 >/dev/null 2>&1; then
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
dest="$out"
if (( check )); then dest="$(mktemp -d)"; trap 'rm -rf "$dest"' EXIT; fi
node_modules/.bin/esbuild src/main.js --bundle --minify --format=iife --target=es2020 \
  --legal-comments=none --charset=utf8 --log-level=warning --outfile="$dest/viewer.body.js"
# The packages behind the bundle: every package of the lock but esbuild (the
# viewer imports sigma, graphology and its two libraries, which pull in the
# rest; graphology-types holds only type declarations).
node -e '
const lock = require("./package-lock.json");
const fs = require("fs");
const rows = [];
for (const [path, p] of Object.entries(lock.packages)) {
  if (!path) continue;
  const name = path.replace(/^.*node_modules\//, "");
  if (name === "esbuild" || name.startsWith("@esbuild/")) continue;
  rows.push([name, p.version, p.license || "?", path]);
}
rows.sort((a, b) => a[0].localeCompare(b[0]));
fs.writeFileSync(process.argv[1] + "/versions.txt",
  "# The npm packages behind viewer.js (name version licence): every package of viewer/package-lock.json but esbuild (graphology-types holds only type declarations)\n" +
  rows.map((r) => `${r[0]} ${r[1]} ${r[2]}`).join("\n") + "\n");
let notes = "/*! actorgraph viewer (viewer/src, MIT OR Apache-2.0) bundled with:\n";
for (const [name, version, license, path] of rows) {
  notes += `\n==== ${name} ${version} (${license}) ====\n`;
  const dir = path;
  const file = fs.readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  notes += file ? fs.readFileSync(dir + "/" + file, "utf8").replace(/\*\//g, "* /").trim() + "\n" : "(no licence file in the package)\n";
}
notes += "*/\n";
const body = fs.readFileSync(process.argv[1] + "/viewer.body.js", "utf8");
if (/<\/script/i.test(body) || /<!--/.test(body)) { console.error("viewer.js would close its <script> element"); process.exit(1); }
fs.writeFileSync(process.argv[1] + "/viewer.js", notes + body);
fs.unlinkSync(process.argv[1] + "/viewer.body.js");
' "$dest"
if (( check )); then
  for f in viewer.js versions.txt; do
    cmp -s "$dest/$f" "$out/$f" || { echo "viewer/build.sh --check: src/export/html/$f differs from a fresh build (run bash viewer/build.sh and commit)" >&2; exit 1; }
  done
  echo "viewer/build.sh --check: src/export/html/viewer.js and versions.txt match a fresh build"
fi
