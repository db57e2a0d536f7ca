#!/usr/bin/env python3
"""Drives the HTML export's viewer in headless Chromium through the Chrome
DevTools Protocol, with real input events (mouse presses, key presses), and
checks what a person would see. Run by tests/viewer.rs:

    cdp.py CHROMIUM CHECKS.json SHOT.png

CHECKS.json: {"page": path, "ready_ms": 3000, "settle": false (wait for the
  browser's layout to finish after the page is interactive),
  "search": {"type": "ines v", "name": "Ines Varga", "key": "n4"},
  "node": {"key": "n4", "name": "Ines Varga", "links": 3},
  "edges": [{"key": "e7", "sentences": ["..."], "docs": ["..."]}, ...],
  "missing": "zebulon"}
Prints one JSON line of measurements; exits 1 with a message on a failed check.
Needs the `websockets` package (tests/python-requirements.txt).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

from websockets.sync.client import connect


class Fail(Exception):
    pass


class Page:
    def __init__(self, url):
        self.ws = connect(url, max_size=None, open_timeout=10)
        self.next = 0
        self.errors = []  # uncaught exceptions of the page

    def call(self, method, timeout=20, **params):
        self.next += 1
        mid = self.next
        self.ws.send(json.dumps({"id": mid, "method": method, "params": params}))
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            if left <= 0:
                raise Fail(f"{method}: no answer in {timeout} s")
            msg = json.loads(self.ws.recv(timeout=left))
            if msg.get("method") == "Runtime.exceptionThrown":
                d = msg["params"]["exceptionDetails"]
                self.errors.append((d.get("exception") or {}).get("description") or d.get("text"))
            if msg.get("id") == mid:
                if "error" in msg:
                    raise Fail(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def js(self, expr):
        r = self.call("Runtime.evaluate", expression=expr, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise Fail(f"script {expr!r}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def wait(self, expr, seconds, what):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            v = self.js(expr)
            if v:
                return v
            time.sleep(0.02)
        raise Fail(f"{what}: not within {seconds} s")

    def mouse(self, x, y, clicks=1):
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        time.sleep(0.05)
        self.call("Input.dispatchMouseEvent", type="mousePressed", x=x, y=y, button="left", clickCount=clicks)
        time.sleep(0.03)
        self.call("Input.dispatchMouseEvent", type="mouseReleased", x=x, y=y, button="left", clickCount=clicks)

    def key(self, key, code=None, vk=0, text=None):
        down = {"type": "keyDown" if text is None else "keyDown", "key": key, "code": code or key,
                "windowsVirtualKeyCode": vk}
        if text is not None:
            down["text"] = text
        self.call("Input.dispatchKeyEvent", **down)
        self.call("Input.dispatchKeyEvent", type="keyUp", key=key, code=code or key, windowsVirtualKeyCode=vk)

    def type(self, s):
        for ch in s:
            vk = ord(ch.upper()) if ch.isalnum() else (32 if ch == " " else 0)
            self.key(ch, code=("Key" + ch.upper()) if ch.isalpha() else None, vk=vk, text=ch)

    def rect(self, selector):
        r = self.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e) return null;"
                    " const r = e.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()")
        if not r:
            raise Fail(f"no element {selector}")
        return r

    def text(self, selector):
        return self.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); return e ? e.textContent : null; }})()")


def collapse(s):
    return " ".join(s.split())


def check(cond, msg):
    if not cond:
        raise Fail(msg)


def run(page, checks, shot):
    out = {}
    url = "file://" + os.path.abspath(checks["page"])
    page.call("Page.enable")
    page.call("Runtime.enable")
    t0 = time.monotonic()
    page.call("Page.navigate", url=url)
    # Interactive: the first frame drawn and the handlers in place.
    page.wait("document.body && document.body.dataset.ready && window.actorgraph ? 1 : 0", 30, "the page")
    ready = (time.monotonic() - t0) * 1000
    out["ready_ms"] = round(ready)
    out["script_ms"] = int(page.js("document.body.dataset.ready"))
    check(not page.errors, f"the page threw: {page.errors}")
    if checks.get("only_ready"):
        return out
    check(ready <= checks.get("ready_ms", 3000), f"page interactive after {ready:.0f} ms (limit {checks.get('ready_ms', 3000)}; {out['script_ms']} ms of it in the viewer's start)")
    # Something answers a real event at once: a wheel zoom changes the camera.
    before = page.js("actorgraph.renderer.getCamera().ratio")
    c = page.rect("#graph")
    page.call("Input.dispatchMouseEvent", type="mouseWheel", x=c["x"], y=c["y"], deltaX=0, deltaY=-300)
    page.wait(f"actorgraph.renderer.getCamera().ratio < {before} ? 1 : 0", 2, "zoom by the wheel")
    # A drag pans; Fit comes back to the whole graph.
    x0 = page.js("actorgraph.renderer.getCamera().x")
    page.call("Input.dispatchMouseEvent", type="mouseMoved", x=c["x"], y=c["y"])
    page.call("Input.dispatchMouseEvent", type="mousePressed", x=c["x"], y=c["y"], button="left", clickCount=1)
    for k in range(1, 6):
        page.call("Input.dispatchMouseEvent", type="mouseMoved", x=c["x"] + 30 * k, y=c["y"], button="left", buttons=1)
        time.sleep(0.02)
    page.call("Input.dispatchMouseEvent", type="mouseReleased", x=c["x"] + 150, y=c["y"], button="left", clickCount=1)
    page.wait(f"Math.abs(actorgraph.renderer.getCamera().x - {x0}) > 1e-4 ? 1 : 0", 3, "a pan by dragging")
    r = page.rect("#fit")
    page.mouse(r["x"], r["y"])
    page.wait("Math.abs(actorgraph.renderer.getCamera().ratio - 1) < 1e-3 && Math.abs(actorgraph.renderer.getCamera().x - 0.5) < 1e-3 ? 1 : 0", 3, "Fit")
    if checks.get("settle"):
        # A layout running in the browser: let it finish before aiming at things.
        t1 = time.monotonic()
        page.wait("actorgraph.layoutRunning() ? 0 : 1", 40, "the browser's layout to finish")
        out["layout_ms"] = round((time.monotonic() - t1) * 1000)
    page.js("actorgraph.renderer.getCamera().setState({x: 0.5, y: 0.5, ratio: 1, angle: 0}); actorgraph.stopLayout(); 1")

    # Search with suggestions: type, pick the first with the keyboard.
    s = checks["search"]
    box = page.rect("#search")
    page.mouse(box["x"], box["y"])
    page.type(s["type"])
    page.wait("document.querySelector('#suggest li') && !document.getElementById('suggest').hidden ? 1 : 0", 2, "suggestions")
    first = page.js("Array.from(document.querySelectorAll('#suggest li')).map(li => li.dataset.node)")
    check(s["key"] in first, f"suggestions {first} lack {s['key']} for {s['type']!r}")
    while True:
        page.key("ArrowDown", vk=40)
        if page.js("(document.querySelector('#suggest li.active') || {dataset: {}}).dataset.node") == s["key"]:
            break
    page.key("Enter", vk=13, text="\r")
    page.wait(f"(document.getElementById('actor') || {{dataset: {{}}}}).dataset.node === {json.dumps(s['key'])} ? 1 : 0", 2, "search result")
    check(page.text("#actor") == s["name"], f"search shows {page.text('#actor')!r}, not {s['name']!r}")
    out["search"] = s["name"]

    # A click on a node: zoomed in on it so that it is the one under the pointer.
    n = checks["node"]
    page.js("actorgraph.clear(); 1")
    page.js(f"actorgraph.look({json.dumps(n['key'])}, {n.get('ratio', 0.05)}); 1")
    time.sleep(0.15)
    p = page.js(f"actorgraph.nodePoint({json.dumps(n['key'])})")
    page.mouse(p["x"], p["y"])
    page.wait(f"(document.getElementById('actor') || {{dataset: {{}}}}).dataset.node === {json.dumps(n['key'])} ? 1 : 0", 2, f"the panel of {n['name']} after a click on it")
    links = page.js("document.querySelectorAll('#neighbours li').length")
    check(links == n["links"], f"{n['name']}: {links} link(s) listed, expected {n['links']}")
    # ... and from its list, a link's evidence.
    if "edge_in_list" in n:
        e = n["edge_in_list"]
        r = page.rect(f"#neighbours li[data-edge='{e['key']}'] a.link")
        page.mouse(r["x"], r["y"])
        page.wait(f"(document.getElementById('evidence-list') || {{dataset: {{}}}}).dataset.edge === {json.dumps(e['key'])} ? 1 : 0", 2, "evidence from the neighbour list")
        got = page.js("Array.from(document.querySelectorAll('#evidence-list .sentence')).map(b => b.textContent)")
        check([collapse(x) for x in got] == e["sentences"], f"list link {e['key']}: evidence {got} != {e['sentences']}")
    out["node"] = {"name": n["name"], "links": links}

    # A click on a link, zoomed in on a point of it: its middle, or a third
    # along when something else is there (which must then really be under the
    # pointer). First with every link shown; then, if other links crossed
    # there each time, with its actor selected (its own links alone drawn),
    # as a person would do in a dense graph. Candidates are tried in turn.
    shown_any = []
    done = None
    modes = [("all", checks["edges"][:2])]
    if not checks.get("alone_required"):
        modes.append(("focused", checks["edges"]))
    for mode, cands in modes:
        for e in cands:
            for t in (0.5, 0.35, 0.65):
                page.js("actorgraph.clear(); 1")
                if mode == "focused":
                    page.js(f"actorgraph.focusNode({json.dumps(n['key'])}, false); 1")
                page.js(f"actorgraph.look({json.dumps(e['key'])}, {e.get('ratio', 0)}, {t}); 1")
                time.sleep(0.12)
                p = page.js(f"actorgraph.edgePoint({json.dumps(e['key'])}, {t})")
                page.js("actorgraph.forgetClick(); 1")
                page.mouse(p["x"], p["y"])
                hit = page.wait("actorgraph.lastClick()", 2, f"a click on link {e['key']}")
                if hit["type"] == "edge" and hit["key"] == e["key"]:
                    shown = page.js("(document.getElementById('evidence-list') || {dataset: {}}).dataset.edge")
                    check(shown == e["key"], f"a click on {e['key']} showed the evidence of {shown}")
                    done = e
                    break
                if hit["type"] == "edge":
                    # Another link under the pointer: it must really be there.
                    off = page.js(f"actorgraph.edgeDistance({json.dumps(hit['key'])}, {p['x']}, {p['y']})")
                    # Picking reads a half-size buffer: a few pixels of slack beyond the line.
                    check(off <= 10, f"a click on {e['key']} at {t} picked {hit['key']}, {off:.1f} px away from the pointer")
                elif hit["type"] == "node":
                    q = page.js(f"actorgraph.nodePoint({json.dumps(hit['key'])})")
                    off = ((q["x"] - p["x"]) ** 2 + (q["y"] - p["y"]) ** 2) ** 0.5
                    check(off <= 40, f"a click on {e['key']} at {t} picked node {hit['key']}, {off:.1f} px away")
                shown_any.append(hit)
            if done:
                break
        if done:
            out["edge_mode"] = mode
            break
    check(done is not None, f"no candidate link could be clicked alone (got {shown_any})")
    e = done
    got = page.js("Array.from(document.querySelectorAll('#evidence-list .evidence-item')).map(i => [i.querySelector('.where').textContent, (i.querySelector('.sentence') || {}).textContent])")
    check([collapse(x[1] or "") for x in got] == e["sentences"], f"evidence {got} != {e['sentences']}")
    for (where, _), doc in zip(got, e["docs"]):
        check(where.startswith(doc + " bytes "), f"evidence place {where!r} is not in {doc}")
    also = page.js("document.querySelectorAll('#also li').length")
    check(also == e["others"], f"{e['key']}: {also} other link(s) between its actors listed, expected {e['others']}")
    said = page.js("(document.getElementById('statements') || {textContent: null}).textContent")
    if e.get("statements") is None:
        check(said is None, f"{e['key']}: statements {said!r} shown for a link without any")
    else:
        check(said is not None and said.startswith(e["statements"]), f"{e['key']}: statements {said!r}, expected {e['statements']!r}")
    out["edge"] = {"key": e["key"], "evidence": len(got), "tries": len(shown_any) + 1, "others": also}

    # Filters and colours with real clicks and keys: unticking attribution
    # leaves the co-occurrence links; the colour menu by keyboard shows
    # communities in the legend.
    if "cooccurrence_links" in checks:
        page.js("actorgraph.clear(); 1")
        r = page.rect("#kind-attribution")
        page.mouse(r["x"], r["y"])
        want = f"{checks['cooccurrence_links']} of {checks['links']} links shown"
        page.wait(f"document.getElementById('counts').textContent.includes({json.dumps(want)}) ? 1 : 0", 3, f"the count {want!r}")
        page.mouse(r["x"], r["y"])
        want = f"{checks['links']} of {checks['links']} links shown"
        page.wait(f"document.getElementById('counts').textContent.includes({json.dumps(want)}) ? 1 : 0", 3, f"the count {want!r}")
        if checks.get("weight_links"):
            # One step up the weight slider by keyboard: links seen at least w times.
            w, count = checks["weight_links"]
            page.js("document.getElementById('weight').focus(); 1")
            page.key("ArrowRight", vk=39)
            want = f"{count} of {checks['links']} links shown"
            page.wait(f"document.getElementById('counts').textContent.includes({json.dumps(want)}) ? 1 : 0", 3, f"the count {want!r} at weight {w}")
            check(page.text("#weight-value") == f"\u2265 {w}", f"weight shown as {page.text('#weight-value')!r}")
            page.key("ArrowLeft", vk=37)
        page.js("document.getElementById('colour').focus(); 1")
        page.key("ArrowDown", vk=40)
        page.wait("document.getElementById('legend-colours').textContent.includes('community of') ? 1 : 0", 5, "the communities' legend")
        out["filters"] = "ok"

    # A name matching nothing says so.
    if "missing" in checks:
        page.mouse(box["x"], box["y"])
        page.js("document.getElementById('search').select(); 1")
        page.type(checks["missing"])
        page.key("Enter", vk=13, text="\r")
        page.wait("document.getElementById('status').textContent.includes('no actor matches') ? 1 : 0", 2, "the no-match message")

    # Links into the page: #q=NAME&edge=eK on opening.
    if "fragment" in checks:
        f = checks["fragment"]
        page.call("Page.navigate", url="about:blank")
        page.wait("location.href === 'about:blank' ? 1 : 0", 5, "about:blank")
        page.call("Page.navigate", url=url + "#" + f["hash"])
        page.wait("document.body && document.body.dataset.ready && window.actorgraph ? 1 : 0", 30, "the page with a fragment")
        st = page.text("#status")
        check(f["name"] in st, f"#{f['hash']}: status {st!r} lacks {f['name']!r}")
        shown = page.js("(document.getElementById('evidence-list') || {dataset: {}}).dataset.edge")
        check(shown == f["edge"], f"#{f['hash']}: evidence of {shown}, not {f['edge']}")
        got = page.js("Array.from(document.querySelectorAll('#evidence-list .sentence')).map(b => b.textContent)")
        check([collapse(x) for x in got] == f["sentences"], f"#{f['hash']}: evidence {got} != {f['sentences']}")

    check(not page.errors, f"the page threw: {page.errors}")
    # A picture for people: the whole graph, the last link still selected.
    if shot:
        page.js("actorgraph.renderer.getCamera().setState({x: 0.5, y: 0.5, ratio: 1, angle: 0}); 1")
        time.sleep(0.3)
        import base64
        data = page.call("Page.captureScreenshot", format="png")["data"]
        with open(shot, "wb") as f:
            f.write(base64.b64decode(data))
    return out


def main():
    chromium, checks_path = sys.argv[1], sys.argv[2]
    shot = sys.argv[3] if len(sys.argv) > 3 else None
    checks = json.load(open(checks_path))
    profile = tempfile.mkdtemp(prefix="actorgraph-cdp-")
    proc = subprocess.Popen(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader",
         "--use-angle=swiftshader", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--no-default-browser-check", "--remote-debugging-port=0",
         "--window-size=1400,900", f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = os.path.join(profile, "DevToolsActivePort")
        end = time.monotonic() + 30
        while not os.path.exists(port_file) or os.path.getsize(port_file) == 0:
            if time.monotonic() > end or proc.poll() is not None:
                raise Fail("chromium did not start its DevTools endpoint")
            time.sleep(0.05)
        port = open(port_file).read().split()[0]
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        target = next(t for t in targets if t["type"] == "page")
        page = Page(target["webSocketDebuggerUrl"])
        out = run(page, checks, shot)
        print(json.dumps(out))
    except Fail as e:
        print(f"cdp.py: {checks_path}: {e}", file=sys.stderr)
        sys.exit(1)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
