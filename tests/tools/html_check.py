"""Opens actorgraph's interactive HTML page in headless Chromium and checks
that it shows what the library answers; exits 1 on any difference.

Usage: html_check.py [--relations N] [--screenshot PATH] [--skip-big]

Run from anywhere with a Python that has playwright (CI's venv:
target/pyenv/bin/python). It uses Debian's /usr/bin/chromium (override
with $CHROMIUM) and never downloads a browser. Pages and datasets go to
target/.

1. The embedded dataset: the page (`export --format html`) is opened from
   file://, its slider moved with the mouse and the arrow keys to
   2024-11-26 and to 2024-12-01, and the relations it lists in
   #visible-relations compared with the library's answer
   (`export --format nodelink --as-of DAY`); the same with a known-by date
   typed into its date field, and with its certainly switch. One relation
   and one actor are clicked on the canvas: the relation's quotes and the
   actor's timeline must appear in #details. The search finds an actor by
   an alias. A screenshot goes to docs/html-page.png (--screenshot).
2. Hostile names: a dataset whose names, titles and quotes try to close
   the script or inject markup; nothing may run, the text shows as text.
3. The rules: a generated dataset of partial, ranged and open dates,
   events, open publication dates, disputes and claimants who change their
   story; for many (day, known-by, certainty) the page's relations, their
   contested flags and the citations it shows (with superseded flags) must
   equal the library's.
4. Size: a generated dataset of N relations (default 100 000) is exported,
   opened, and filtered on two days; load and filter times are printed
   and must stay within a few seconds, the page must say that it does not
   draw graphs above its limit, and its relations on one day must equal
   the library's.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "target"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# A big page must load, and filter, within these many seconds.
LOAD_SECONDS = 20.0
FILTER_SECONDS = 3.0

passed = 0
failures = []


def check(what, got, expected):
    global passed
    if got == expected:
        passed += 1
        print(f"ok  {what}")
        return True
    if isinstance(got, list) and isinstance(expected, list):
        extra = sorted(set(got) - set(expected))[:20]
        missing = sorted(set(expected) - set(got))[:20]
        detail = f"{len(got)} shown, the library has {len(expected)}; shown but not the library's: {extra}; " \
                 f"the library's but not shown: {missing}"
    else:
        detail = f"got {got!r}, expected {expected!r}"
    failures.append(f"{what}: {detail}")
    print(f"FAIL {what}: {detail}")
    return False


def export(*args):
    """Runs the export example; returns its standard output."""
    result = subprocess.run(["cargo", "run", "-q", "--example", "export", "--", *args], cwd=ROOT,
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"export {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


def library(day, known_by=None, certain=False, data=None, min_grade=None):
    """The library's as-of answer: {relation id: edge of the node-link JSON}."""
    args = ["--format", "nodelink", "--as-of", day]
    if min_grade:
        args += ["--min-grade", min_grade]
    if known_by:
        args += ["--known-by", known_by]
    if certain:
        args.append("--certain")
    if data:
        args += ["--data", str(data)]
    return {edge["id"]: edge for edge in json.loads(export(*args))["edges"]}


def page_html(out, data=None, *extra):
    args = ["--format", "html", "--out", str(out), *extra]
    if data:
        args += ["--data", str(data)]
    started = time.time()
    export(*args)
    return time.time() - started


def open_page(browser, path, width=1600, height=1000):
    page = browser.new_page(viewport={"width": width, "height": height})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    started = time.time()
    page.goto(path.resolve().as_uri())
    page.wait_for_selector("body[data-ready=true]", timeout=int(LOAD_SECONDS * 1000) * 3)
    return page, time.time() - started, errors


def shown(page):
    return page.evaluate("""() => {
        const e = document.getElementById('visible-relations');
        return {ids: JSON.parse(e.dataset.ids), contested: JSON.parse(e.dataset.contested || '[]'),
                day: e.dataset.day, knownBy: e.dataset.knownBy, certainty: e.dataset.certainty};
    }""")


def day_number(iso):
    return date.fromisoformat(iso).toordinal()


def move_slider(page, day):
    """Moves the slider as a user does: a click near the day, then arrow keys."""
    span_first = page.evaluate("window.actorgraph.state().span[0]")
    slider = page.locator("#day-slider")
    top = int(slider.get_attribute("max"))
    target = day_number(day) - day_number(span_first)
    box = slider.bounding_box()
    thumb = 8  # half of Chromium's range thumb
    x = box["x"] + thumb + (box["width"] - 2 * thumb) * target / max(top, 1)
    page.mouse.click(x, box["y"] + box["height"] / 2)
    now = day_number(page.locator("#day").text_content()) - day_number(span_first)
    key = "ArrowRight" if target > now else "ArrowLeft"
    for _ in range(abs(target - now)):
        page.keyboard.press(key)
    return page.locator("#day").text_content()


def set_known_by(page, day):
    if day:
        page.fill("#known-by", day)
    else:
        page.click("#known-by-clear")


def set_certainty(page, certain):
    page.check(f"input[name=certainty][value={'certainly' if certain else 'possibly'}]")


def compare(page, label, day, known_by=None, certain=False, data=None, contested=False):
    want = library(day, known_by, certain, data)
    got = shown(page)
    check(f"{label}: the page's state", [got["day"], got["knownBy"], got["certainty"]],
          [day, known_by or "", "certainly" if certain else "possibly"])
    check(f"{label}: relations shown equal the library's", sorted(got["ids"]), sorted(want))
    if contested:
        check(f"{label}: contested flags equal the library's", sorted(got["contested"]),
              sorted(i for i, e in want.items() if e["contested"]))
    return want


# ----- 1. the embedded dataset ---------------------------------------------

def embedded(browser, screenshot):
    path = TARGET / "page.html"
    seconds = page_html(path)
    print(f"     page written in {seconds:.1f} s, {path.stat().st_size / 1e6:.2f} MB")
    page, load, errors = open_page(browser, path)
    print(f"     loaded in {load:.2f} s")
    check("embedded: the page opens without a script error", errors, [])
    check("embedded: it opens on 2024-11-30", page.locator("#day").text_content(), "2024-11-30")
    # The day's signed analysis, computed by the library (tests/analysis.rs
    # checks the same facts): three unbalanced triangles, all through the
    # HTS-SNA rivalry, and HTS in the other signed camp from the government.
    analysis = page.locator("#analysis")
    check("embedded 2024-11-30: unbalanced triangles counted", analysis.get_attribute("data-count"), "3")
    check("embedded 2024-11-30: unbalanced triangles listed", page.locator("#unbalanced li").count(), 3)
    camps = json.loads(analysis.get_attribute("data-camps"))
    check("embedded 2024-11-30: HTS and the government in different signed camps",
          [bool(camps.get("hts")), camps.get("hts") != camps.get("syrian_government")], [True, True])
    page.check("#camp-colours")
    check("embedded: colouring by signed camp keeps the day", page.locator("#day").text_content(), "2024-11-30")
    page.uncheck("#camp-colours")
    for day in ["2024-11-26", "2024-12-01"]:
        check(f"embedded {day}: the slider reaches the day", move_slider(page, day), day)
        compare(page, f"embedded {day}", day, contested=True)
    set_known_by(page, "2024-11-28")
    compare(page, "embedded 2024-12-01 known by 2024-11-28", "2024-12-01", "2024-11-28", contested=True)
    move_slider(page, "2024-11-26")
    compare(page, "embedded 2024-11-26 known by 2024-11-28", "2024-11-26", "2024-11-28", contested=True)
    set_certainty(page, True)
    compare(page, "embedded 2024-11-26 certainly, known by 2024-11-28", "2024-11-26", "2024-11-28", True,
            contested=True)
    set_known_by(page, "")
    compare(page, "embedded 2024-11-26 certainly", "2024-11-26", None, True, contested=True)
    set_certainty(page, False)

    # Click a relation on the canvas: its quotes appear.
    want = compare(page, "embedded 2024-11-26 again", "2024-11-26")
    candidates = []
    for rid, edge in want.items():
        where = page.evaluate("([id]) => window.actorgraph.pagePosition('relation', id)", [rid])
        if where and edge["citations"]:
            candidates.append((-where["length"], rid, where))
    candidates.sort()
    clicked = None
    for _, rid, where in candidates[:15]:
        page.mouse.click(where["x"], where["y"])
        if page.get_attribute("#details", "data-relation") == rid:
            clicked = rid
            break
    check("embedded: a click on a relation shows it in #details", clicked is not None, True)
    if clicked:
        text = page.locator("#details").text_content()
        for citation in want[clicked]["citations"]:
            check(f"embedded: #details shows the quote of {clicked} from {citation['source']}",
                  citation["quote"] in text and citation["source"] in text and citation["published"] in text, True)

    # Click an actor on the canvas: its timeline appears.
    cytoscape = json.loads(export("--format", "cytoscape"))
    touching = {}
    for edge in cytoscape["elements"]["edges"]:
        for end in {edge["data"]["source"], edge["data"]["target"]}:
            touching[end] = touching.get(end, 0) + 1
    actor = None
    for aid in sorted(touching, key=lambda a: -touching[a]):
        where = page.evaluate("([id]) => window.actorgraph.pagePosition('actor', id)", [aid])
        if not where:
            continue
        page.mouse.click(where["x"], where["y"])
        if page.get_attribute("#details", "data-actor") == aid:
            actor = aid
            break
    check("embedded: a click on an actor shows it in #details", actor is not None, True)
    if actor:
        rows = page.locator("#timeline tr").count()
        check(f"embedded: the timeline of {actor} lists each of its relations and events", rows, touching[actor])
        when = page.eval_on_selector_all("#timeline tr", "rows => rows.map(r => r.dataset.relation)")
        check(f"embedded: the timeline of {actor} names relations", all(when), True)

    # The search finds an actor by an alias, accents and case aside.
    aliased = next(n["data"] for n in cytoscape["elements"]["nodes"] if n["data"]["aliases"])
    page.fill("#search", aliased["aliases"][0].upper())
    page.press("#search", "Enter")
    check(f"embedded: searching {aliased['aliases'][0].upper()!r} selects {aliased['id']}",
          page.get_attribute("#details", "data-actor"), aliased["id"])

    # Kind filters.
    page.uncheck("#kinds input[value=controls]")
    got = shown(page)["ids"]
    check("embedded: unticking 'controls' hides exactly the controls relations", sorted(got),
          sorted(i for i, e in want.items() if e["kind"] != "controls"))
    page.check("#kinds input[value=controls]")

    if screenshot:
        shot, _, _ = open_page(browser, path, 1440, 900)
        shot.evaluate("window.actorgraph.selectRelation('russia_backs_syrian_government')")
        shot.wait_for_timeout(400)
        Path(screenshot).parent.mkdir(parents=True, exist_ok=True)
        shot.screenshot(path=str(screenshot))
        print(f"     screenshot: {screenshot}")
        shot.close()
    page.close()


# ----- 2. hostile names ----------------------------------------------------

HOSTILE = [
    '</script><img src=x onerror="window.__pwned=1">',
    "<b>bold</b> & &amp; \u2028\u2029 <!-- --> ]]> \"'`",
    "</SCRIPT ><script>window.__pwned=2</script>",
    "${window.__pwned=3}",
]


def hostile(browser):
    data = {
        "sources": [{"id": "s", "title": HOSTILE[2], "published": "2024-11-30"}],
        "actors": [{"id": "a", "name": HOSTILE[0], "kind": "State", "aliases": [HOSTILE[3]]},
                   {"id": "b", "name": HOSTILE[1], "kind": "ArmedGroup"}],
        "relations": [{"id": "a_backs_b", "kind": "Backs", "subject": "a", "object": "b",
                       "citations": [{"source": "s", "quote": HOSTILE[1] + HOSTILE[2]}],
                       "note": HOSTILE[0]}],
    }
    source = TARGET / "hostile.json"
    source.write_text(json.dumps(data))
    path = TARGET / "hostile.html"
    page_html(path, source)
    page, _, errors = open_page(browser, path)
    check("hostile: the page opens without a script error", errors, [])
    check("hostile: no injected script ran", page.evaluate("window.__pwned === undefined"), True)
    check("hostile: the relation shows", shown(page)["ids"], ["a_backs_b"])
    page.evaluate("window.actorgraph.selectRelation('a_backs_b')")
    text = page.locator("#details").text_content()
    check("hostile: names, quote, title and note show as text",
          all(h in text for h in [HOSTILE[0], HOSTILE[1] + HOSTILE[2], HOSTILE[2]]), True)
    check("hostile: no markup of the data became an element",
          page.evaluate("document.querySelectorAll('#details img, #details b, #details script').length"), 0)
    check("hostile: no injected script ran after showing it", page.evaluate("window.__pwned === undefined"), True)
    page.close()


# ----- 3. the rules on tricky dates -----------------------------------------

def partial(rng, first=2015, last=2024):
    year = rng.randint(first, last)
    roll = rng.random()
    if roll < 0.2:
        return f"{year}"
    month = rng.randint(1, 12)
    if roll < 0.45:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"


def when(rng):
    roll = rng.random()
    if roll < 0.7:
        return partial(rng)
    a, b = sorted([partial(rng), partial(rng)])
    if roll < 0.8:
        return f"[{a}..]"
    if roll < 0.9:
        return f"[..{b}]"
    return f"[{a}..{b}]" if a[:4] < b[:4] else f"[{a[:4]}..{str(int(a[:4]) + 1)}]"


def tricky_dataset(rng, actors=60, relations=600):
    sources = []
    for i in range(40):
        roll = rng.random()
        published = partial(rng, 2016, 2025) if roll < 0.8 else (
            f"[{partial(rng, 2016, 2020)}..]" if roll < 0.9 else f"[2016..{partial(rng, 2021, 2025)}]")
        sources.append({"id": f"s{i}", "title": f"Report {i}", "published": published})
    kinds = ["Backs", "Opposes", "AlliedWith", "MemberOf", "Leads", "Controls", "Attacks", "Founded", "Condemns"]
    names = [{"id": f"a{i}", "name": f"Actor {i}", "kind": "Place" if i >= actors - 5 else "ArmedGroup"}
             for i in range(actors)]
    rels = []
    for i in range(relations):
        kind = rng.choice(kinds)
        s, o = rng.sample(range(actors), 2)
        rel = {"id": f"r{i}", "kind": kind, "subject": f"a{s}", "object": f"a{o}", "citations": []}
        if kind in ("Attacks", "Founded", "Condemns"):
            rel["on"] = when(rng)
        else:
            if rng.random() < 0.85:
                rel["from"] = when(rng)
            if rng.random() < 0.5:
                rel["until"] = when(rng)
        voices = [None, {"Actor": f"a{rng.randrange(actors)}"}, {"Other": "an official"}]
        for c in range(rng.randint(1, 4)):
            cite = {"source": f"s{rng.randrange(len(sources))}", "quote": f"quote {i}.{c}"}
            if c > 0 and rng.random() < 0.35:
                cite["stance"] = "Disputes"
            voice = rng.choice(voices)
            if voice:
                cite["claimed_by"] = voice
            rel["citations"].append(cite)
        rels.append(rel)
    return {"sources": sources, "actors": names, "relations": rels}


def loadable(data):
    """Drops relations whose dates the library rejects (reversed intervals)."""
    path = TARGET / "rules.json"
    for _ in range(50):
        path.write_text(json.dumps(data))
        result = subprocess.run(["cargo", "run", "-q", "--example", "export", "--", "--format", "json",
                                 "--data", str(path)], cwd=ROOT, capture_output=True, text=True)
        if result.returncode == 0:
            return path
        bad = [r["id"] for r in data["relations"] if f"\"{r['id']}\"" in result.stderr or
               f"`{r['id']}`" in result.stderr or f" {r['id']}:" in result.stderr or
               f" {r['id']} " in result.stderr]
        if not bad:
            sys.exit(f"the generated rules dataset does not load: {result.stderr.strip()[:500]}")
        data["relations"] = [r for r in data["relations"] if r["id"] not in bad]
    sys.exit("the generated rules dataset does not load")


def rules(browser):
    rng = random.Random(14)
    data = tricky_dataset(rng)
    for r in data["relations"]:
        # Keep starts before ends for the library's check.
        if "from" in r and "until" in r:
            del r["until"]
            if rng.random() < 0.5:
                year = int(r["from"].strip("[.]")[:4] or 2016)
                r["until"] = str(min(year + rng.randint(1, 4), 2026))
    source = loadable(data)
    path = TARGET / "rules.html"
    page_html(path, source)
    page, _, errors = open_page(browser, path)
    check("rules: the page opens without a script error", errors, [])
    cases = [("2018-06-15", None, False), ("2020-01-01", "2019-03-01", False), ("2021-07-31", None, True),
             ("2022-02-28", "2022-01-01", True), ("2017-01-01", "2017-06-30", False),
             ("2023-12-31", "2024-06-01", True), ("2019-11-30", None, False), ("2024-01-01", "2020-01-01", False)]
    for day, known_by, certain in cases:
        page.evaluate("([d, k, c]) => { window.actorgraph.setDay(d); window.actorgraph.setKnownBy(k);"
                      " window.actorgraph.setCertainty(c ? 'certainly' : 'possibly'); }",
                      [day, known_by or "", certain])
        label = f"rules {day}" + (f" known by {known_by}" if known_by else "") + (" certainly" if certain else "")
        want = compare(page, label, day, known_by, certain, source, contested=True)
        got = page.evaluate("(ids) => ids.map(id => window.actorgraph.evidence(id))", sorted(want))
        expected = [[{"source": c["source"], "superseded": c["superseded"]} for c in want[i]["citations"]]
                    for i in sorted(want)]
        check(f"{label}: citations shown and superseded flags equal the library's", got, expected)
    page.close()


# ----- 4. size ---------------------------------------------------------------

def big_dataset(relations, seed=7):
    """Like the crate's synthetic generator: hubs, mixed kinds, decades of dates."""
    rng = random.Random(seed)
    actors = max(relations // 10, 10)
    places = actors // 10
    names = []
    for i in range(actors):
        kind = "Place" if i >= actors - places else ("State" if i < actors // 100 else
                                                     ["ArmedGroup", "Militia", "Person", "Coalition"][i % 4])
        actor = {"id": f"a{i}", "name": f"Actor {i}", "kind": kind}
        if i % 4 == 0:
            actor["aliases"] = [f"A{i}"]
        names.append(actor)
    sources = [{"id": f"s{i}", "title": f"Report {i}", "published": partial(rng, 1990, 2024)} for i in range(1000)]
    kinds = ["Backs"] * 25 + ["Opposes"] * 20 + ["AlliedWith"] * 10 + ["MemberOf"] * 10 + ["Leads"] * 5 + \
        ["AffiliatedWith"] * 8 + ["Attacks"] * 10 + ["CoordinatesWith"] * 5 + ["SpeaksFor"] * 2 + ["Controls"] * 5
    rels = []
    first_place = actors - places
    for i in range(relations):
        kind = rng.choice(kinds)
        subject = min(int(rng.paretovariate(1.2)) - 1, first_place - 1)
        subject = rng.randrange(first_place) if rng.random() < 0.5 else subject
        if kind == "Controls":
            obj = first_place + rng.randrange(places)
        else:
            obj = rng.randrange(first_place)
            if obj == subject:
                obj = (subject + 1) % first_place
        rel = {"id": f"r{i}", "kind": kind, "subject": f"a{subject}", "object": f"a{obj}"}
        start = rng.randint(1960, 2023)
        if kind == "Attacks":
            rel["on"] = partial(rng, 1960, 2024)
        else:
            if rng.random() < 0.9:
                rel["from"] = f"{start}-{rng.randint(1, 12):02d}" if rng.random() < 0.5 else str(start)
            if rng.random() < 0.6:
                rel["until"] = str(start + rng.randint(1, 15))
        rel["citations"] = [{"source": f"s{rng.randrange(1000)}", "quote": f"reported fact number {rng.randrange(5000)}",
                             **({"stance": "Disputes"} if c > 0 and rng.random() < 0.05 else {})}
                            for c in range(rng.randint(1, 3))]
        rels.append(rel)
    return {"sources": sources, "actors": names, "relations": rels}


def size(browser, relations):
    source = TARGET / f"big-{relations}.json"
    if not source.exists():
        source.write_text(json.dumps(big_dataset(relations)))
    path = TARGET / f"big-{relations}.html"
    seconds = page_html(path, source)
    print(f"     {relations} relations: page written in {seconds:.1f} s, {path.stat().st_size / 1e6:.1f} MB")
    page, load, errors = open_page(browser, path)
    check(f"size {relations}: the page opens without a script error", errors, [])
    timings = page.evaluate("() => ({...document.getElementById('status').dataset})")
    print(f"     {relations} relations: ready in {load:.2f} s after navigation"
          f" (JSON parsed in {float(timings['parseMs']) / 1000:.2f} s, script done in"
          f" {float(timings['loadMs']) / 1000:.2f} s)")
    check(f"size {relations}: loads within {LOAD_SECONDS:.0f} s", load <= LOAD_SECONDS, True)
    state = page.evaluate("window.actorgraph.state()")
    limit = page.evaluate("JSON.parse(document.getElementById('page-config').textContent).draw_limit")
    if len(state["relations"]) > limit:
        message = page.locator("#message")
        check(f"size {relations}: the page says it does not draw more than {limit} relations at once",
              message.is_visible() and f"{limit:,}" in message.text_content(), True)
    for day in ["1995-06-30", "2010-01-01"]:
        started = time.time()
        reached = move_slider(page, day)
        moved = time.time() - started
        timings = page.evaluate("() => ({...document.getElementById('status').dataset})")
        state = page.evaluate("window.actorgraph.state()")
        print(f"     {relations} relations: slider to {day} (a click and arrow keys, each a filter) in {moved:.2f} s;"
              f" one filter {float(timings['filterMs']):.0f} ms, {len(state['relations'])} relations shown,"
              f" {state['drawn']} drawn")
        check(f"size {relations}: the slider reaches {day}", reached, day)
        check(f"size {relations}: one filter within {FILTER_SECONDS:.0f} s",
              float(timings["filterMs"]) / 1000 <= FILTER_SECONDS, True)
    compare(page, f"size {relations} 2010-01-01", "2010-01-01", data=source)
    # Narrowed to one kind, the relations are few enough to draw.
    started = time.time()
    page.click("#kinds button:text('none')")
    page.check("#kinds input[value=leads]")
    drawn_in = time.time() - started
    timings = page.evaluate("() => ({...document.getElementById('status').dataset})")
    state = page.evaluate("window.actorgraph.state()")
    print(f"     {relations} relations: narrowed to 'leads', {len(state['relations'])} relations drawn in"
          f" {drawn_in:.2f} s (layout {float(timings.get('layoutMs', 0)):.0f} ms)")
    if len(state["relations"]) <= limit:
        check(f"size {relations}: narrowed to one kind, the page draws what it shows",
              [state["drawn"], page.locator("#graph").is_visible()], [len(state["relations"]), True])
        check(f"size {relations}: narrowed, drawing takes within {LOAD_SECONDS:.0f} s", drawn_in <= LOAD_SECONDS, True)
    got = sorted(shown(page)["ids"])
    want = sorted(i for i, e in library("2010-01-01", data=source).items() if e["kind"] == "leads")
    check(f"size {relations} 2010-01-01: the 'leads' relations shown equal the library's", got, want)
    started = time.time()
    page.fill("#search", "A40")
    page.press("#search", "Enter")
    check(f"size {relations}: search finds an actor by alias", page.get_attribute("#details", "data-actor"), "a40")
    print(f"     {relations} relations: search and timeline in {time.time() - started:.2f} s")
    page.close()


# ----- grades: the page's minimum-grade control -----------------------------

def graded(browser):
    """The fictional graded example: under each minimum grade the page shows
    what the library's graded view holds, contested flags included."""
    data = ROOT / "data" / "graded_example.ron"
    path = TARGET / "graded.html"
    page_html(path, data)
    page, _, errors = open_page(browser, path)
    check("graded: the page opens without a script error", errors, [])
    day = "2031-05-10"
    seen = set()
    for grade in ["", "A1", "A2", "B2", "C3", "E5", "F6"]:
        page.evaluate("([d, g]) => { window.actorgraph.setDay(d); window.actorgraph.setMinGrade(g); }",
                      [day, grade])
        want = library(day, data=data, min_grade=grade or None)
        got = shown(page)
        label = f"graded: at least {grade or 'any grade'} on {day}"
        check(f"{label}: relations shown equal the library's", sorted(got["ids"]), sorted(want))
        check(f"{label}: contested flags equal the library's", sorted(got["contested"]),
              sorted(i for i, e in want.items() if e["contested"]))
        seen.add(tuple(sorted(want)))
    check("graded: the minimum grade changes what is shown", len(seen) > 1, True)
    page.close()
    # A view exported with a minimum grade opens on it.
    preset = TARGET / "graded-b2.html"
    page_html(preset, data, "--as-of", day, "--min-grade", "B2")
    page, _, errors = open_page(browser, preset)
    check("graded: a page exported at B2 opens without a script error", errors, [])
    check("graded: a page exported at B2 opens showing the library's B2 view",
          sorted(shown(page)["ids"]), sorted(library(day, data=data, min_grade="B2")))
    check("graded: ... with its control set to B2", page.evaluate("() => document.getElementById('min-grade').value"), "B2")
    page.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relations", type=int, default=100_000, help="size of the big synthetic graph")
    parser.add_argument("--screenshot", default=str(ROOT / "docs" / "html-page.png"),
                        help="where to write the screenshot ('' for none)")
    parser.add_argument("--skip-big", action="store_true", help="skip the size check")
    args = parser.parse_args()
    TARGET.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            embedded(browser, args.screenshot)
            hostile(browser)
            rules(browser)
            graded(browser)
            if not args.skip_big:
                size(browser, args.relations)
        finally:
            browser.close()
    print(f"html: {passed} passed, {len(failures)} failed")
    for failure in failures:
        print("  " + failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
