// The interactive page of actorgraph: filters the relations of the whole
// graph as of a day (possibly or certainly, as known by a day), draws them
// with Cytoscape.js, and shows the sources behind a relation and the
// timeline of an actor. Every string from the data reaches the page through
// textContent, attributes or Cytoscape's canvas labels, never as HTML.
//
// The rules are the library's (src/view/mod.rs, src/store/mod.rs):
// - a state possibly holds on day d when holds_from <= d < holds_until, and
//   certainly when certain_from <= d < certain_until (empty = open);
// - under a knowledge date K, a relation shows only when a supporting
//   citation had appeared by K (published_first <= K, or for "certainly"
//   published_last <= K); it is contested when a disputing one had too,
//   unless a voice that cited it both ways has a latest stance that undoes
//   the dispute;
// - events do not hold over days: they show, when asked, as having
//   happened on or before the day.
//
// State for tests: #day (the day), #visible-relations and #visible-events
// (data-ids: a JSON list of the relation ids shown; data-contested: those
// contested; data-day, data-known-by, data-certainty: what they were
// computed for), #details (data-relation or data-actor: what it shows;
// #timeline rows carry data-relation), #status (data-parse-ms,
// data-load-ms, data-layout-ms, data-draw-ms, data-filter-ms: timings),
// body[data-ready] once the page is up, and window.actorgraph, the page's
// own control API (setDay, setKnownBy, setCertainty, setKinds, setEvents,
// search, selectRelation, selectActor, evidence, state, pagePosition).
//
// Above config.draw_limit relations shown at once the page lists them
// instead of drawing them, and says so in #message.
(function () {
  'use strict';
  const started = performance.now();
  const $ = (id) => document.getElementById(id);
  const config = JSON.parse($('page-config').textContent);
  const raw = JSON.parse($('graph-data').textContent);
  const parsedMs = performance.now() - started;

  // ----- days -------------------------------------------------------------

  const ISO = /^\d{4}-\d{2}-\d{2}$/;
  const NEVER = '9999-12-31~'; // sorts after every day
  function dayNumber(iso) {
    const [y, m, d] = iso.split('-').map(Number);
    const t = new Date(0);
    t.setUTCFullYear(y, m - 1, d);
    return Math.round(t.getTime() / 86400000);
  }
  function isoOf(number) {
    const t = new Date(number * 86400000);
    const pad = (v, n) => String(v).padStart(n, '0');
    return pad(t.getUTCFullYear(), 4) + '-' + pad(t.getUTCMonth() + 1, 2) + '-' + pad(t.getUTCDate(), 2);
  }
  const nextIso = (iso) => isoOf(dayNumber(iso) + 1);
  const min = (a, b) => (a < b ? a : b);

  // ----- the data ---------------------------------------------------------

  const kindInfo = new Map(config.kinds.map((k) => [k.name, k]));
  const actorKindLabel = config.actor_kinds || {};
  const fold = (text) => String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

  const actors = ((raw.elements && raw.elements.nodes) || []).map((node, order) => {
    const d = node.data;
    const former = d.former_names || [];
    const aliases = d.aliases || [];
    return {
      id: String(d.id), name: String(d.name), kind: String(d.kind), aliases, former,
      died: d.died || '', note: d.note || '', order, relations: [],
      folded: fold([d.name, ...aliases, ...former.map((f) => f.name)].join('\n')),
    };
  });
  const actorById = new Map(actors.map((a) => [a.id, a]));

  const relations = ((raw.elements && raw.elements.edges) || []).map((edge, index) => {
    const d = edge.data;
    const r = {
      index, id: String(d.id), kind: String(d.kind), event: d.event === true,
      source: String(d.source), target: String(d.target), data: d,
      hf: d.holds_from || '', hu: d.holds_until || '',
      cf: ISO.test(d.certain_from || '') ? d.certain_from : '', cu: ISO.test(d.certain_until || '') ? d.certain_until : '',
      // A certain bound that never comes (a start whose last day is open,
      // such as [2011..], or an end whose first day is open, [..2024]) is
      // exported empty like an open end: a written bound with an empty
      // certain day is that case. Anything else than a day means it too.
      neverCertain: d.event !== true && ((!!d.from && !ISO.test(d.certain_from || ''))
        || (!!d.until && !ISO.test(d.certain_until || ''))),
      kp: NEVER, kc: NEVER, dp: NEVER, dc: NEVER, changedStory: false, citations: [],
    };
    const stances = new Map();
    (d.citations || []).forEach((c, position) => {
      const cite = {
        position, data: c, voice: String(c.voice), disputes: c.stance === 'Disputes',
        first: c.published_first || '', last: c.published_last || NEVER,
      };
      r.citations.push(cite);
      if (cite.disputes) {
        r.dp = min(r.dp, cite.first);
        r.dc = min(r.dc, cite.last);
      } else {
        r.kp = min(r.kp, cite.first);
        r.kc = min(r.kc, cite.last);
      }
      stances.set(cite.voice, (stances.get(cite.voice) || 0) | (cite.disputes ? 2 : 1));
    });
    r.changedStory = [...stances.values()].some((s) => s === 3);
    for (const end of [r.source, r.target]) {
      const actor = actorById.get(end);
      if (actor) actor.relations.push(index);
    }
    return r;
  });
  const relationById = new Map(relations.map((r) => [r.id, r]));
  const presentKinds = new Map();
  for (const r of relations) presentKinds.set(r.kind, (presentKinds.get(r.kind) || 0) + 1);

  // The record's span: its earliest and latest real day, and the days on
  // which something begins or ends.
  const boundDays = new Set();
  for (const r of relations) for (const b of [r.hf, r.hu, r.cf, r.cu]) if (b) boundDays.add(b);
  const changeDays = [...boundDays].sort();
  let startDay = config.start && ISO.test(config.start.day || '') ? config.start.day : '';
  let spanFirst = changeDays.length ? changeDays[0] : (startDay || config.default_day);
  let spanLast = changeDays.length ? changeDays[changeDays.length - 1] : (startDay || config.default_day);
  if (!startDay) {
    const fallback = config.default_day;
    startDay = spanFirst <= fallback && fallback <= spanLast ? fallback : spanLast;
  }
  spanFirst = min(spanFirst, startDay);
  spanLast = spanLast > startDay ? spanLast : startDay;

  // ----- the rules --------------------------------------------------------

  function holds(r, day, certainly) {
    if (r.event) return false;
    const possibly = (!r.hf || r.hf <= day) && (!r.hu || day < r.hu);
    if (!possibly || !certainly) return possibly;
    return !r.neverCertain && (!r.cf || r.cf <= day) && (!r.cu || day < r.cu);
  }
  /** An event happened on or before `day` (possibly, or certainly). */
  function happened(r, day, certainly) {
    if (!r.event) return false;
    if (certainly) return !!r.hu && r.hu <= nextIso(day);
    return !r.hf || r.hf <= day;
  }
  function known(r, knownBy, certainly) {
    return !knownBy || (certainly ? r.kc : r.kp) <= knownBy;
  }
  function published(c, knownBy, certainly) {
    return !knownBy || (certainly ? c.last : c.first) <= knownBy;
  }
  function later(a, b) {
    if (a.first !== b.first) return a.first > b.first;
    if (a.last !== b.last) return a.last > b.last;
    return a.position > b.position;
  }
  function superseded(r, c, knownBy, certainly) {
    return r.citations.some((o) => o !== c && o.voice === c.voice && later(o, c) && published(o, knownBy, certainly));
  }
  function contested(r, knownBy, certainly) {
    const disputed = knownBy ? (certainly ? r.dc : r.dp) <= knownBy : r.dp !== NEVER;
    if (!disputed || !r.changedStory) return disputed;
    let supports = false;
    let disputes = false;
    for (const c of r.citations) {
      if (!published(c, knownBy, certainly) || superseded(r, c, knownBy, certainly)) continue;
      if (c.disputes) disputes = true; else supports = true;
    }
    return supports && disputes;
  }

  // ----- page state -------------------------------------------------------

  const state = {
    day: startDay,
    knownBy: config.start && ISO.test(config.start.known_by || '') ? config.start.known_by : '',
    certainly: !!(config.start && config.start.certainly),
    kinds: new Set(presentKinds.keys()),
    events: false,
    isolated: false,
    selected: null, // {type: 'relation'|'actor', id}
    found: [],
  };
  const visible = { relations: [], events: [] };
  // Whether the relations shown now are few enough to draw, and whether the
  // drawing has been laid out yet.
  let drawable = true;
  let laidOut = false;
  let refit = false; // fit the drawing to the window after the next draw

  function filter() {
    const { day, knownBy, certainly, kinds } = state;
    const shown = [];
    const events = [];
    for (const r of relations) {
      if (!kinds.has(r.kind) || !known(r, knownBy, certainly)) continue;
      if (r.event) {
        if (state.events && happened(r, day, certainly)) events.push(r);
      } else if (holds(r, day, certainly)) {
        shown.push(r);
      }
    }
    visible.relations = shown;
    visible.events = events;
  }

  function expose() {
    const common = (el, list) => {
      el.dataset.ids = JSON.stringify(list.map((r) => r.id));
      el.dataset.count = String(list.length);
      el.dataset.day = state.day;
      el.dataset.knownBy = state.knownBy;
      el.dataset.certainty = state.certainly ? 'certainly' : 'possibly';
    };
    common($('visible-relations'), visible.relations);
    $('visible-relations').dataset.contested = JSON.stringify(
      visible.relations.filter((r) => contested(r, state.knownBy, state.certainly)).map((r) => r.id));
    common($('visible-events'), visible.events);
    $('day').value = state.day;
    $('day').textContent = state.day;
    $('day').dataset.day = state.day;
  }

  // ----- drawing ----------------------------------------------------------

  const KIND_COLORS = {
    backs: '#2e9d4f', opposes: '#d62728', allied_with: '#17a589', coordinates_with: '#7cb342',
    affiliated_with: '#a0782c', leads: '#1f5fbf', member_of: '#5aa0e0', speaks_for: '#8e5cc4',
    controls: '#9a9a9a', attacks: '#b00020', designates_terrorist: '#f08c00', founded: '#b5b500',
    split_from: '#e377c2', merged_into: '#17becf', brokered: '#8fb0dc', located_in: '#c8c8c8',
    party_to: '#b48a7c', killed: '#222222', competes_with: '#f29ac0', based_in: '#c9c97a',
    condemns: '#ff8a80', withdrew_from: '#80cbc4', met_with: '#4fc3f7', calls_on: '#b39ddb',
  };
  const ACTOR_COLORS = {
    State: '#2f62b0', Government: '#4f86d4', ArmedForces: '#264f8f', ArmedGroup: '#c0392b',
    Militia: '#e67e22', Coalition: '#8e44ad', PoliticalOrganization: '#7da63a',
    InternationalOrganization: '#2aa3b8', Ngo: '#7f8c8d', Media: '#95a5a6', Person: '#f1c40f',
    Place: '#c4c4c4', Agreement: '#d5c4a1',
  };
  const ACTOR_SIZES = { State: 30, Government: 26, Coalition: 26, ArmedForces: 24, ArmedGroup: 24, Militia: 22, Person: 15, Place: 12, Agreement: 14 };
  const kindColor = (k) => KIND_COLORS[k] || '#888';
  const actorSize = (a) => ACTOR_SIZES[a.kind] || 18;

  // How the layout reads each kind: positive pulls its ends together,
  // negative pushes them apart (camps opposing each other).
  const PULL = {
    backs: 1, allied_with: 1.3, coordinates_with: 0.8, affiliated_with: 1.1, leads: 1.4,
    member_of: 1.4, speaks_for: 1.3, controls: 0.45, located_in: 0.5, based_in: 0.4,
    party_to: 0.5, brokered: 0.3, founded: 0.3, merged_into: 0.6, split_from: 0.05,
    opposes: -1, attacks: -0.6, designates_terrorist: -0.4, competes_with: -0.4,
    killed: -0.2, condemns: -0.2, withdrew_from: 0, met_with: 0.2, calls_on: 0,
  };

  // The kinds that make a camp.
  const ALLIANCE = new Set(['backs', 'allied_with', 'coordinates_with', 'affiliated_with', 'leads', 'member_of', 'speaks_for']);

  let cy = null;
  const positions = new Map(); // actor id -> {x, y}
  const FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';
  const LABEL_WIDTH = 120;
  const measure = (() => {
    const ctx = document.createElement('canvas').getContext('2d');
    if (ctx) ctx.font = FONT;
    return (text) => (ctx ? ctx.measureText(text).width : text.length * 6);
  })();

  function mulberry32(seed) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  const K = 80; // the layout's ideal distance between linked actors
  const COMPACT = 0.45;
  const CAMP_PUSH = 4; // how hard opposing camps push each other, in all
  const REACH = 4 * K; // how far repulsion acts
  const APART = 6 * K; // the distance opposing actors are held at

  /** An actor's box at zoom 1, its label included: width and height. */
  function labelBox(id) {
    const a = actorById.get(id);
    const text = measure(a ? a.name : id);
    const lines = Math.max(1, Math.ceil(text / LABEL_WIDTH));
    const size = a ? actorSize(a) : 18;
    return { w: Math.max(size, Math.min(text, LABEL_WIDTH)) + 12, h: size + 14 * lines + 8 };
  }

  /**
   * Moves the `moving` actors of `ids` by a force simulation: every pair
   * repels, `edges` ([i, j, weight]) pull (weight > 0) or hold apart
   * (weight < 0, at APART), and gravity draws towards (cx, cy).
   * Deterministic: no randomness beyond the seeded generator.
   */
  function simulate(n, edges, x, y, moving, cx, cy0, random) {
    // Large pieces get fewer rounds and a grid: a drawing of thousands of
    // actors is an overview, and it must come in seconds.
    const big = n > 400;
    const iterations = Math.round(Math.max(40, Math.min(350, (350 * 250) / n)));
    const spread = K * Math.sqrt(n);
    const gravity = 0.05 * Math.min(1, Math.sqrt(100 / n));
    const dx = new Float64Array(n);
    const dy = new Float64Array(n);
    const repel = (i, j) => {
      let ex = x[i] - x[j];
      let ey = y[i] - y[j];
      let d2 = ex * ex + ey * ey;
      // Only near actors repel: far ones would fling loose actors away.
      if (d2 > REACH * REACH) return;
      if (d2 < 0.01) {
        ex = random() - 0.5; ey = random() - 0.5; d2 = ex * ex + ey * ey;
      }
      const d = Math.sqrt(d2);
      const f = (K * K) / d;
      dx[i] += (ex / d) * f; dy[i] += (ey / d) * f;
      dx[j] -= (ex / d) * f; dy[j] -= (ey / d) * f;
    };
    for (let step = 0; step < iterations; step++) {
      const temperature = spread * 0.1 * (1 - step / iterations) + 0.5;
      dx.fill(0);
      dy.fill(0);
      if (big) {
        // Repulsion within neighbouring cells of a grid only.
        const cell = REACH;
        const grid = new Map();
        for (let i = 0; i < n; i++) {
          const key = Math.floor(x[i] / cell) * 65536 + Math.floor(y[i] / cell);
          let list = grid.get(key);
          if (!list) grid.set(key, (list = []));
          list.push(i);
        }
        for (let i = 0; i < n; i++) {
          const gx = Math.floor(x[i] / cell);
          const gy = Math.floor(y[i] / cell);
          for (let ax = gx - 1; ax <= gx + 1; ax++) {
            for (let ay = gy - 1; ay <= gy + 1; ay++) {
              const list = grid.get(ax * 65536 + ay);
              if (list) for (const j of list) if (j > i) repel(i, j);
            }
          }
        }
      } else {
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) repel(i, j);
      }
      for (const [i, j, w, pushOnly] of edges) {
        const ex = x[i] - x[j];
        const ey = y[i] - y[j];
        const d = Math.sqrt(ex * ex + ey * ey) || 0.01;
        let f;
        if (w > 0) f = -w * (d * d) / K;
        else if (w < 0 && !(pushOnly && d >= APART)) f = -w * K * 3 * (APART - d) / APART; // a spring as long as APART
        else continue;
        dx[i] += (ex / d) * f; dy[i] += (ey / d) * f;
        dx[j] -= (ex / d) * f; dy[j] -= (ey / d) * f;
      }
      for (let i = 0; i < n; i++) {
        if (!moving[i]) continue;
        dx[i] -= gravity * (x[i] - cx);
        dy[i] -= gravity * (y[i] - cy0);
        const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
        if (d > 0) {
          const m = Math.min(d, temperature) / d;
          x[i] += dx[i] * m;
          y[i] += dy[i] * m;
        }
      }
    }
  }

  /** Pushes apart actors whose labelled boxes overlap at zoom 1. */
  function separate(boxes, x, y, moving) {
    const n = boxes.length;
    if (n > 400) return;
    for (let round = 0; round < 80; round++) {
      let moved = false;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          if (!moving[i] && !moving[j]) continue;
          const ox = (boxes[i].w + boxes[j].w) / 2 - Math.abs(x[i] - x[j]);
          const oy = (boxes[i].h + boxes[j].h) / 2 - Math.abs(y[i] - y[j]);
          if (ox <= 0 || oy <= 0) continue;
          moved = true;
          const share = moving[i] && moving[j] ? 0.5 : 1;
          if (ox * boxes[i].h < oy * boxes[i].w) {
            const s = (x[i] < x[j] || (x[i] === x[j] && i < j) ? -1 : 1) * ox * share;
            if (moving[i]) x[i] += s;
            if (moving[j]) x[j] -= s;
          } else {
            const s = (y[i] < y[j] || (y[i] === y[j] && i < j) ? -1 : 1) * oy * share;
            if (moving[i]) y[i] += s;
            if (moving[j]) y[j] -= s;
          }
        }
      }
      if (!moved) break;
    }
  }

  /**
   * Adds to `edges` a push between every two members of two camps that
   * oppose each other: camps are the groups that alliance kinds tie
   * together, so whole camps, not just the opposing pairs, draw apart.
   */
  function campsApart(m, edges) {
    const camp = pieces(m, edges.filter(([, , w, ally]) => w > 0 && ally));
    if (camp.length < 2) return;
    const of = new Int32Array(m);
    camp.forEach((members, c) => { for (const i of members) of[i] = c; });
    const opposed = new Set();
    for (const [i, j, w] of edges) if (w < 0 && of[i] !== of[j]) opposed.add(Math.min(of[i], of[j]) * m + Math.max(of[i], of[j]));
    let budget = 20000;
    for (const key of opposed) {
      const a = camp[Math.floor(key / m)];
      const b = camp[key % m];
      if (a.length * b.length > budget) continue;
      budget -= a.length * b.length;
      const w = -CAMP_PUSH / Math.sqrt(a.length * b.length);
      for (const i of a) for (const j of b) edges.push([i, j, w, true]);
    }
  }

  /**
   * Turns a piece so that its longest axis lies across the window, with
   * `root` (its best-linked actor) on the left.
   */
  function alongWidth(x, y, root) {
    const m = x.length;
    let mx = 0; let my = 0;
    for (let i = 0; i < m; i++) { mx += x[i] / m; my += y[i] / m; }
    let sxx = 0; let syy = 0; let sxy = 0;
    for (let i = 0; i < m; i++) {
      const ex = x[i] - mx; const ey = y[i] - my;
      sxx += ex * ex; syy += ey * ey; sxy += ex * ey;
    }
    const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
    const c = Math.cos(-angle); const sn = Math.sin(-angle);
    for (let i = 0; i < m; i++) {
      const ex = x[i] - mx; const ey = y[i] - my;
      x[i] = ex * c - ey * sn;
      y[i] = ex * sn + ey * c;
    }
    if (x[root] > 0) for (let i = 0; i < m; i++) { x[i] = -x[i]; y[i] = -y[i]; }
  }

  /** Connected pieces of 0..n under `edges`, largest first. */
  function pieces(n, edges) {
    const parent = Array.from({ length: n }, (_, i) => i);
    const find = (i) => { while (parent[i] !== i) { parent[i] = parent[parent[i]]; i = parent[i]; } return i; };
    for (const [i, j] of edges) parent[find(i)] = find(j);
    const groups = new Map();
    for (let i = 0; i < n; i++) {
      const root = find(i);
      if (!groups.has(root)) groups.set(root, []);
      groups.get(root).push(i);
    }
    return [...groups.values()].sort((a, b) => b.length - a.length || a[0] - b[0]);
  }

  /**
   * Lays out the actors of the relations `shown`: each connected piece by
   * forces (allies together, opponents apart, labels clear of each other),
   * the pieces packed in rows to the window's shape; then, when
   * `everything`, every other actor near its partners.
   */
  function layOut(shown, everything) {
    const ids = [];
    const index = new Map();
    const at = (id) => {
      if (!index.has(id)) { index.set(id, ids.length); ids.push(id); }
      return index.get(id);
    };
    const links = [];
    for (const r of shown) {
      const i = at(r.source);
      const j = at(r.target);
      if (i !== j) links.push([i, j, PULL[r.kind] === undefined ? 0.3 : PULL[r.kind], ALLIANCE.has(r.kind)]);
    }
    const n = ids.length;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const boxes = ids.map(labelBox);
    const random = mulberry32(0x5eed + n);
    const placed = [];
    for (const piece of pieces(n, links)) {
      const m = piece.length;
      const local = new Map(piece.map((g, l) => [g, l]));
      const edges = links.filter(([i]) => local.has(i)).map(([i, j, w, ally]) => [local.get(i), local.get(j), w, ally]);
      campsApart(m, edges);
      // Start on a sunflower in breadth-first order from the best-linked
      // actor, so that neighbours start near each other.
      const degree = new Array(m).fill(0);
      const near = Array.from({ length: m }, () => []);
      for (const [i, j] of edges) { degree[i]++; degree[j]++; near[i].push(j); near[j].push(i); }
      let root = 0;
      for (let i = 1; i < m; i++) if (degree[i] > degree[root]) root = i;
      const order = [root];
      const seen = new Uint8Array(m);
      seen[root] = 1;
      for (let q = 0; q < order.length; q++) for (const j of near[order[q]]) if (!seen[j]) { seen[j] = 1; order.push(j); }
      const lx = new Float64Array(m);
      const ly = new Float64Array(m);
      order.forEach((l, rank) => {
        const angle = rank * 2.399963;
        const radius = K * 0.8 * Math.sqrt(rank + 0.5);
        lx[l] = radius * Math.cos(angle);
        ly[l] = radius * Math.sin(angle);
      });
      const moving = new Uint8Array(m).fill(1);
      if (m > 1) simulate(m, edges, lx, ly, moving, 0, 0, random);
      const localBoxes = piece.map((g) => boxes[g]);
      // Forces leave room that labels do not need: draw the piece in to
      // the size its labels ask for, then clear overlaps.
      if (m > 2) alongWidth(lx, ly, root);
      // (Pieces too large to clear their labels keep their room.)
      const shrink = m <= 400 ? COMPACT : 1;
      for (let l = 0; l < m; l++) { lx[l] *= shrink; ly[l] *= shrink; }
      separate(localBoxes, lx, ly, moving);
      let left = Infinity; let right = -Infinity; let top = Infinity; let bottom = -Infinity;
      for (let l = 0; l < m; l++) {
        left = Math.min(left, lx[l] - localBoxes[l].w / 2);
        right = Math.max(right, lx[l] + localBoxes[l].w / 2);
        top = Math.min(top, ly[l] - localBoxes[l].h / 2);
        bottom = Math.max(bottom, ly[l] + localBoxes[l].h / 2);
      }
      placed.push({ piece, lx, ly, left, top, w: right - left, h: bottom - top });
    }
    // Rows of pieces, largest first, as wide as lets the window show them
    // largest.
    const box = $('graph').getBoundingClientRect();
    const view = { w: box.width > 0 ? box.width : 1200, h: box.height > 0 ? box.height : 800 };
    const shelves = (rowWidth) => {
      const at = [];
      let cursorX = 0; let cursorY = 0; let rowHeight = 0; let width = 0;
      for (const p of placed) {
        if (cursorX > 0 && cursorX + p.w > rowWidth) { cursorX = 0; cursorY += rowHeight + 30; rowHeight = 0; }
        at.push([cursorX, cursorY]);
        width = Math.max(width, cursorX + p.w);
        cursorX += p.w + 30;
        rowHeight = Math.max(rowHeight, p.h);
      }
      return { at, zoom: Math.min(view.w / (width + 60), view.h / (cursorY + rowHeight + 60)) };
    };
    let best = null;
    if (placed.length) {
      for (const factor of [1, 1.1, 1.25, 1.4, 1.6, 1.8, 2, 2.5, 3, 4, 6]) {
        const packing = shelves(placed[0].w * factor + 1);
        if (!best || packing.zoom > best.zoom + 1e-9) best = packing;
      }
      placed.forEach((p, k) => {
        const [px, py] = best.at[k];
        p.piece.forEach((g, l) => {
          x[g] = px + (p.lx[l] - p.left);
          y[g] = py + (p.ly[l] - p.top);
        });
      });
    }
    ids.forEach((id, i) => {
      positions.set(id, { x: x[i], y: y[i] });
      laidOutActors.add(id);
    });
    if (!everything) return;
    // Everyone else, near their partners, the drawn actors held still.
    const all = ids.slice();
    const allIndex = new Map(index);
    for (const a of actors) if (!allIndex.has(a.id)) { allIndex.set(a.id, all.length); all.push(a.id); }
    if (all.length === n) return;
    const N = all.length;
    const ax = new Float64Array(N);
    const ay = new Float64Array(N);
    const moving = new Uint8Array(N);
    const allLinks = [];
    const partner = new Array(N).fill(-1);
    for (const r of relations) {
      const i = allIndex.get(r.source);
      const j = allIndex.get(r.target);
      if (i === undefined || j === undefined || i === j) continue;
      allLinks.push([i, j, (PULL[r.kind] || 0.2) * 0.5]);
      if (i >= n && j < n && partner[i] < 0) partner[i] = j;
      if (j >= n && i < n && partner[j] < 0) partner[j] = i;
    }
    let cx = 0; let cyc = 0;
    for (let i = 0; i < n; i++) { ax[i] = x[i]; ay[i] = y[i]; cx += x[i] / n; cyc += y[i] / n; }
    for (let i = n; i < N; i++) {
      moving[i] = 1;
      const anchor = partner[i];
      const angle = i * 2.399963;
      ax[i] = (anchor >= 0 ? ax[anchor] : cx) + Math.cos(angle) * K;
      ay[i] = (anchor >= 0 ? ay[anchor] : cyc) + Math.sin(angle) * K;
    }
    if (N <= 400) {
      simulate(N, allLinks, ax, ay, moving, cx, cyc, random);
      separate(all.map(labelBox), ax, ay, moving);
    }
    for (let i = n; i < N; i++) positions.set(all[i], { x: ax[i], y: ay[i] });
  }

  function nodeId(id) { return 'a:' + id; }
  function edgeId(id) { return 'r:' + id; }

  function makeGraph() {
    if (typeof window.cytoscape !== 'function') return null;
    const haystack = relations.length > 3000;
    const style = [
      {
        selector: 'node',
        style: {
          'background-color': 'data(color)', width: 'data(size)', height: 'data(size)',
          label: 'data(label)', 'font-size': 11, 'font-family': FONT.replace(/^11px /, ''),
          'text-wrap': 'wrap', 'text-max-width': LABEL_WIDTH, 'text-valign': 'bottom', 'text-margin-y': 2,
          'text-outline-color': '#fff', 'text-outline-width': 2, color: '#222',
          'border-width': 1, 'border-color': '#fff', 'min-zoomed-font-size': 6,
        },
      },
      { selector: 'node.Place', style: { shape: 'diamond', color: '#555', 'font-size': 10 } },
      { selector: 'node.Agreement', style: { shape: 'rectangle' } },
      { selector: 'node.Person', style: { shape: 'ellipse' } },
      { selector: 'node.match', style: { 'border-width': 4, 'border-color': '#ff9800', 'font-weight': 'bold', 'z-index': 20 } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1a57c8', 'font-weight': 'bold' } },
      {
        selector: 'edge',
        style: {
          width: 2, 'line-color': 'data(color)', 'target-arrow-color': 'data(color)',
          'target-arrow-shape': haystack ? 'none' : 'triangle', 'arrow-scale': 0.8,
          'curve-style': haystack ? 'haystack' : 'bezier', opacity: 0.85,
        },
      },
      { selector: 'edge.symmetric', style: { 'target-arrow-shape': 'none' } },
      { selector: 'edge.possibly', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 3] } },
      { selector: 'edge.contested', style: { 'line-style': 'dashed', 'line-dash-pattern': [2, 3], width: 3 } },
      { selector: 'edge.event', style: { 'line-style': 'dotted', width: 1.5, opacity: 0.7 } },
      {
        selector: 'edge:selected',
        style: {
          width: 5, opacity: 1, label: 'data(verb)', 'font-size': 11, 'text-outline-color': '#fff',
          'text-outline-width': 2, 'text-rotation': 'autorotate', 'z-index': 30,
        },
      },
      { selector: '.faded', style: { opacity: 0.15 } },
    ];
    const graph = window.cytoscape({
      container: $('graph'), style, elements: [], layout: { name: 'preset' },
      minZoom: 0.05, maxZoom: 4, boxSelectionEnabled: false,
      selectionType: 'single', textureOnViewport: haystack, hideEdgesOnViewport: haystack,
    });
    graph.on('tap', 'edge', (event) => selectRelation(event.target.data('rid')));
    graph.on('tap', 'node', (event) => selectActor(event.target.data('aid')));
    return graph;
  }

  function nodeElement(actor) {
    const p = positions.get(actor.id) || { x: 0, y: 0 };
    return {
      group: 'nodes',
      data: { id: nodeId(actor.id), aid: actor.id, label: actor.name, color: ACTOR_COLORS[actor.kind] || '#999', size: actorSize(actor) },
      classes: actor.kind,
      position: { x: p.x, y: p.y },
    };
  }
  function edgeClasses(r) {
    const classes = [];
    const info = kindInfo.get(r.kind);
    if (info && info.symmetric) classes.push('symmetric');
    if (r.event) classes.push('event');
    else if (!holds(r, state.day, true)) classes.push('possibly');
    if (contested(r, state.knownBy, state.certainly)) classes.push('contested');
    return classes.join(' ');
  }
  function edgeElement(r, classes) {
    const info = kindInfo.get(r.kind);
    return {
      group: 'edges',
      data: { id: edgeId(r.id), rid: r.id, source: nodeId(r.source), target: nodeId(r.target), color: kindColor(r.kind), verb: info ? info.verb : r.kind },
      classes,
    };
  }

  /** Makes the drawing show exactly the visible relations and their actors. */
  // What the drawing holds: element id -> the classes it was given.
  const drawnEdges = new Map();
  const drawnNodes = new Set();
  // Actors placed by a force layout (the rest only near a partner).
  const laidOutActors = new Set();

  function draw() {
    if (!cy || !drawable) return;
    const wantEdges = new Map();
    for (const r of visible.relations) wantEdges.set(edgeId(r.id), r);
    for (const r of visible.events) wantEdges.set(edgeId(r.id), r);
    const wantNodes = new Map();
    const addActor = (id) => {
      const a = actorById.get(id);
      if (a) wantNodes.set(nodeId(id), a);
    };
    for (const r of wantEdges.values()) { addActor(r.source); addActor(r.target); }
    if (state.isolated) for (const a of actors) addActor(a.id);
    if (state.selected && state.selected.type === 'actor') addActor(state.selected.id);
    for (const id of state.found) addActor(id);
    // Most of these actors never laid out (a new era, or the first drawing
    // after a list): lay out what shows now.
    let fresh = 0;
    for (const a of wantNodes.values()) if (!laidOutActors.has(a.id)) fresh++;
    if (fresh > 8 && fresh * 2 > wantNodes.size) {
      layOut([...wantEdges.values()], false);
      cy.batch(() => cy.nodes().forEach((n) => {
        const p = positions.get(n.data('aid'));
        if (p) n.position({ x: p.x, y: p.y });
      }));
      refit = true;
    }
    cy.batch(() => {
      for (const [id] of drawnEdges) {
        if (!wantEdges.has(id)) { cy.getElementById(id).remove(); drawnEdges.delete(id); }
      }
      for (const id of drawnNodes) {
        if (!wantNodes.has(id)) { cy.getElementById(id).remove(); drawnNodes.delete(id); }
      }
      const add = [];
      for (const [id, a] of wantNodes) {
        if (!drawnNodes.has(id)) { add.push(nodeElement(a)); drawnNodes.add(id); }
      }
      for (const [id, r] of wantEdges) {
        const classes = edgeClasses(r);
        const had = drawnEdges.get(id);
        if (had === undefined) add.push(edgeElement(r, classes));
        else if (had !== classes) cy.getElementById(id).classes(classes);
        drawnEdges.set(id, classes);
      }
      if (add.length) cy.add(add);
      cy.$('node.match').removeClass('match');
      for (const id of state.found) cy.getElementById(nodeId(id)).addClass('match');
      cy.$(':selected').unselect();
      if (state.selected) {
        const el = cy.getElementById(state.selected.type === 'actor' ? nodeId(state.selected.id) : edgeId(state.selected.id));
        if (el.nonempty()) el.select();
      }
    });
    if (refit) {
      refit = false;
      cy.fit(undefined, 30);
    }
  }


  // ----- the side panel ---------------------------------------------------

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (key === 'class') node.className = value;
        else if (key === 'text') node.textContent = value;
        else if (key.startsWith('data-')) node.setAttribute(key, value);
        else if (key === 'onclick') node.addEventListener('click', value);
        else node.setAttribute(key, value);
      }
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }
  const nameOf = (id) => (actorById.get(id) ? actorById.get(id).name : id);
  const verbOf = (kind) => (kindInfo.get(kind) ? kindInfo.get(kind).verb : kind);
  function actorLink(id) {
    return el('span', { class: 'link', 'data-actor': id, onclick: () => selectActor(id) }, nameOf(id));
  }
  function written(r) {
    const d = r.data;
    if (r.event) return 'on ' + (d.on || '?');
    if (!d.from && !d.until) return 'no start or end recorded';
    return (d.from ? 'from ' + d.from : 'since before the record') + (d.until ? ' until ' + d.until : ' to now');
  }
  function holdingText(r) {
    const { day, certainly } = state;
    if (r.event) {
      if (happened(r, day, true)) return 'happened by ' + day;
      if (happened(r, day, false)) return 'possibly happened by ' + day;
      return 'not yet on ' + day;
    }
    if (holds(r, day, true)) return 'certainly holds on ' + day;
    if (holds(r, day, false)) return certainly ? 'only possibly holds on ' + day + ' (hidden: certainly)' : 'possibly holds on ' + day;
    return 'does not hold on ' + day;
  }

  function showRelation(r) {
    const details = $('details');
    details.replaceChildren();
    delete details.dataset.actor;
    details.dataset.relation = r.id;
    const { knownBy, certainly } = state;
    const isContested = contested(r, knownBy, certainly);
    details.append(
      el('h2', null, actorLink(r.source), ' ' + verbOf(r.kind) + ' ', actorLink(r.target)),
      el('ul', { class: 'facts' },
        el('li', null, written(r)),
        el('li', null, holdingText(r), isContested ? el('span', { class: 'badge contested' }, 'contested') : null),
        knownBy && !known(r, knownBy, certainly) ? el('li', null, 'no supporting source had appeared by ' + knownBy) : null,
        r.data.claimed_by ? el('li', null, 'claimed by ' + r.data.claimed_by) : null,
        r.data.note ? el('li', null, 'note: ' + r.data.note) : null,
        el('li', { class: 'muted' }, 'relation ' + r.id)),
    );
    const cites = r.citations.filter((c) => published(c, knownBy, certainly));
    const hiddenCount = r.citations.length - cites.length;
    details.append(el('h3', null, cites.length === 1 ? '1 source' : cites.length + ' sources',
      knownBy ? ' published by ' + knownBy : '', hiddenCount ? ' (' + hiddenCount + ' later)' : ''));
    const ordered = cites.slice().sort((a, b) => (later(a, b) ? 1 : later(b, a) ? -1 : 0));
    for (const c of ordered) {
      const d = c.data;
      const isSuperseded = superseded(r, c, knownBy, certainly);
      details.append(el('div', { class: 'citation' + (c.disputes ? ' disputes' : ''), 'data-source': String(d.source) },
        el('div', null,
          el('span', { class: 'badge ' + (c.disputes ? 'disputes' : 'supports') }, c.disputes ? 'disputes' : 'supports'),
          d.claimed_by ? el('span', { class: 'badge' }, 'claimed by ' + d.claimed_by) : null,
          isSuperseded ? el('span', { class: 'badge superseded', title: 'its claimant later said otherwise or again' }, 'superseded') : null),
        el('blockquote', { class: 'quote' }, /^["\u201c\u2018']/.test(String(d.quote)) ? String(d.quote) : '\u201c' + d.quote + '\u201d'),
        el('div', { class: 'source' }, d.title ? String(d.title) + ' ' : '', '(' + d.source + ', published ' + d.published + ')')));
    }
  }

  /** Where a relation falls in a timeline: its first possible day, or for a
   * start known only as "by then", that day; undated ones first. */
  function timelineKey(r) {
    return r.hf || r.cf || (r.event && r.hu ? r.hu : '');
  }

  function showActor(a) {
    const details = $('details');
    details.replaceChildren();
    delete details.dataset.relation;
    details.dataset.actor = a.id;
    const drawn = cy && cy.getElementById(nodeId(a.id)).connectedEdges().nonempty();
    details.append(
      el('h2', null, a.name),
      el('ul', { class: 'facts' },
        el('li', null, actorKindLabel[a.kind] || a.kind),
        a.aliases.length ? el('li', null, 'also: ' + a.aliases.join('; ')) : null,
        a.former.length ? el('li', null, 'formerly: ' + a.former.map((f) => f.name + (f.until ? ' (until ' + f.until + ')' : '')).join('; ')) : null,
        a.died ? el('li', null, 'died ' + a.died) : null,
        a.note ? el('li', null, 'note: ' + a.note) : null,
        cy && !drawn ? el('li', { class: 'muted' }, 'no relation shown on ' + state.day) : null,
        el('li', { class: 'muted' }, 'actor ' + a.id)),
    );
    const rows = a.relations.map((i) => relations[i]);
    rows.sort((p, q) => {
      const kp = timelineKey(p);
      const kq = timelineKey(q);
      return kp < kq ? -1 : kp > kq ? 1 : p.index - q.index;
    });
    const limit = 500;
    details.append(el('h3', null, 'Timeline: ' + rows.length + (rows.length === 1 ? ' relation' : ' relations') + ' and events'),
      el('p', { class: 'muted' }, 'In bold what holds (or has happened) on ' + state.day + '; in italics the events. Click a line for its sources.'));
    const table = el('table', { id: 'timeline' });
    for (const r of rows.slice(0, limit)) {
      const outgoing = r.source === a.id;
      const other = outgoing ? r.target : r.source;
      const what = outgoing
        ? el('td', { class: 'what' }, verbOf(r.kind) + ' ', nameOf(other))
        : el('td', { class: 'what' }, nameOf(other) + ' ' + verbOf(r.kind) + ' ', el('em', null, 'this'));
      const d = r.data;
      const when = r.event ? d.on : (d.from || '\u2026') + ' \u2013 ' + (d.until || (d.from ? 'now' : '\u2026'));
      const now = r.event ? happened(r, state.day, state.certainly) : holds(r, state.day, state.certainly);
      const row = el('tr', {
        'data-relation': r.id,
        class: [r.event ? 'event' : '', now ? 'now' : '', state.kinds.has(r.kind) ? '' : 'hidden-kind'].join(' ').trim(),
        title: r.event ? 'an event' : now ? 'holds on ' + state.day : 'does not hold on ' + state.day,
        onclick: () => selectRelation(r.id),
      }, el('td', { class: 'when' }, when), what);
      table.append(row);
    }
    details.append(table);
    if (rows.length > limit) details.append(el('p', { class: 'muted' }, '\u2026 and ' + (rows.length - limit) + ' more'));
  }

  function refreshDetails() {
    if (!state.selected) return;
    if (state.selected.type === 'relation') {
      const r = relationById.get(state.selected.id);
      if (r) showRelation(r);
    } else {
      const a = actorById.get(state.selected.id);
      if (a) showActor(a);
    }
  }

  function selectRelation(id) {
    const r = relationById.get(id);
    if (!r) return false;
    state.selected = { type: 'relation', id };
    showRelation(r);
    if (cy) {
      cy.elements().unselect();
      cy.getElementById(edgeId(id)).select();
    }
    return true;
  }

  function selectActor(id, centre) {
    const a = actorById.get(id);
    if (!a) return false;
    state.selected = { type: 'actor', id };
    if (cy) {
      if (cy.getElementById(nodeId(id)).empty()) draw();
      const node = cy.getElementById(nodeId(id));
      cy.elements().unselect();
      node.select();
      if (centre && node.nonempty()) cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 300 });
    }
    showActor(a);
    return true;
  }

  // ----- status, controls -------------------------------------------------

  function status() {
    const { day, knownBy, certainly } = state;
    const count = visible.relations.length;
    const actorsShown = new Set();
    for (const r of visible.relations) { actorsShown.add(r.source); actorsShown.add(r.target); }
    let text = count + (count === 1 ? ' relation ' : ' relations ') + (certainly ? 'certainly' : 'possibly') +
      ' held on ' + day + ' among ' + actorsShown.size + ' actors';
    text += knownBy ? ', as known by ' + knownBy : ', by every source';
    if (state.events) text += '; ' + visible.events.length + ' events on or before the day';
    text += '. Dashed: only possibly held on the day; short dashes: contested; dotted: an event.';
    if (cy && drawable && cy.zoom() * 11 < 6) text += ' Zoom in to read the names.';
    $('status').textContent = text;
  }

  function update() {
    const t = performance.now();
    filter();
    expose();
    const drawing = performance.now();
    const count = visible.relations.length + visible.events.length;
    drawable = count <= config.draw_limit && typeof window.cytoscape === 'function';
    showDrawing(drawable);
    if (drawable) {
      if (!cy) cy = makeGraph();
      if (!laidOut) {
        const started = performance.now();
        layOut(visible.relations, true);
        laidOut = true;
        $('status').dataset.layoutMs = (performance.now() - started).toFixed(1);
        cy.resize();
        refit = true;
      }
      draw();
    } else {
      if (cy) {
        cy.elements().remove();
        drawnEdges.clear();
        drawnNodes.clear();
      }
      const message = $('message');
      message.textContent = typeof window.cytoscape !== 'function'
        ? 'The drawing library did not load; the filters, the search and the details still work.'
        : count.toLocaleString('en') + ' relations show with these settings: more than the ' +
          config.draw_limit.toLocaleString('en') + ' this page draws at once. Narrow the kinds, the day, the ' +
          'certainty or the known-by date to draw them; meanwhile they are listed below, and the search and ' +
          'the details work.';
      listRelations();
    }
    $('status').dataset.drawMs = (performance.now() - drawing).toFixed(1);
    status();
    refreshDetails();
    writeHash();
    $('status').dataset.filterMs = (performance.now() - t).toFixed(1);
  }

  /** Shows the drawing, or instead the message and the list. */
  function showDrawing(on) {
    const graph = $('graph');
    const wasHidden = graph.hidden;
    graph.hidden = !on;
    $('message').hidden = on;
    $('relation-list').hidden = on;
    $('relayout').disabled = !on;
    $('fit').disabled = !on;
    if (on && wasHidden && cy) cy.resize();
  }

  function listRelations() {
    const list = $('relation-list');
    const limit = 200;
    list.replaceChildren();
    for (const r of visible.relations.slice(0, limit)) {
      list.append(el('li', { 'data-relation': r.id, onclick: () => selectRelation(r.id) },
        nameOf(r.source) + ' ' + verbOf(r.kind) + ' ' + nameOf(r.target) + ' (' + written(r) + ')'));
    }
    if (visible.relations.length > limit) {
      list.append(el('li', { class: 'muted' }, '\u2026 and ' + (visible.relations.length - limit) + ' more; narrow with the kinds or find an actor'));
    }
  }

  const slider = $('day-slider');
  const firstNumber = dayNumber(spanFirst);
  slider.min = '0';
  slider.max = String(dayNumber(spanLast) - firstNumber);
  $('span').textContent = spanFirst + ' \u2013 ' + spanLast;

  function setDay(iso) {
    if (!ISO.test(iso)) return false;
    const clamped = iso < spanFirst ? spanFirst : iso > spanLast ? spanLast : iso;
    state.day = clamped;
    slider.value = String(dayNumber(clamped) - firstNumber);
    update();
    return true;
  }
  slider.addEventListener('input', () => setDay(isoOf(firstNumber + Number(slider.value))));
  $('prev-change').addEventListener('click', () => {
    const before = changeDays.filter((d) => d < state.day);
    if (before.length) setDay(before[before.length - 1]);
  });
  $('next-change').addEventListener('click', () => {
    const after = changeDays.find((d) => d > state.day);
    if (after) setDay(after);
  });

  function setKnownBy(iso) {
    if (iso && !ISO.test(iso)) return false;
    state.knownBy = iso || '';
    $('known-by').value = state.knownBy;
    update();
    return true;
  }
  $('known-by').addEventListener('change', () => setKnownBy($('known-by').value));
  $('known-by-clear').addEventListener('click', () => setKnownBy(''));

  function setCertainty(which) {
    state.certainly = which === 'certainly';
    for (const input of document.querySelectorAll('input[name="certainty"]')) input.checked = input.value === (state.certainly ? 'certainly' : 'possibly');
    update();
    return true;
  }
  for (const input of document.querySelectorAll('input[name="certainty"]')) {
    input.addEventListener('change', () => { if (input.checked) setCertainty(input.value); });
  }

  $('show-events').addEventListener('change', () => { state.events = $('show-events').checked; update(); });
  $('show-isolated').addEventListener('change', () => { state.isolated = $('show-isolated').checked; update(); });

  // Kind filters, which are also the legend.
  const kindsBox = $('kinds');
  const kindInputs = [];
  for (const k of config.kinds) {
    const count = presentKinds.get(k.name);
    if (!count) continue;
    const input = el('input', { type: 'checkbox', class: 'kind', value: k.name });
    input.checked = true;
    input.addEventListener('change', () => {
      if (input.checked) state.kinds.add(k.name); else state.kinds.delete(k.name);
      update();
    });
    kindInputs.push(input);
    const swatch = el('span', { class: 'swatch' + (k.event ? ' event' : '') });
    swatch.style.background = kindColor(k.name);
    swatch.style.borderTopColor = kindColor(k.name);
    kindsBox.append(el('label', { title: k.event ? 'an event kind: shown with "events up to the day"' : 'a state kind' },
      input, swatch, k.verb, el('span', { class: 'count' }, ' ' + count)));
  }
  function setKinds(names) {
    const wanted = new Set(names);
    state.kinds = new Set([...presentKinds.keys()].filter((k) => wanted.has(k)));
    for (const input of kindInputs) input.checked = state.kinds.has(input.value);
    update();
    return true;
  }
  kindsBox.append(
    el('button', { type: 'button', onclick: () => setKinds(presentKinds.keys()) }, 'all'),
    el('button', { type: 'button', onclick: () => setKinds([]) }, 'none'));

  // The actors' colours.
  const actorKindsPresent = new Set(actors.map((a) => a.kind));
  const legend = $('actor-legend');
  legend.append(el('span', { class: 'muted' }, 'actors:'));
  for (const kind of Object.keys(actorKindLabel)) {
    if (!actorKindsPresent.has(kind)) continue;
    const dot = el('span', { class: 'dot ' + kind });
    dot.style.background = ACTOR_COLORS[kind] || '#999';
    legend.append(el('span', null, dot, actorKindLabel[kind]));
  }

  // Search: names, aliases and former names, without accents or case.
  const searchInput = $('search');
  const results = $('search-results');
  function matches(text) {
    const q = fold(text.trim());
    if (!q) return [];
    const found = actors.filter((a) => a.folded.includes(q));
    const rank = (a) => (fold(a.name).startsWith(q) ? 0 : fold(a.name).includes(q) ? 1 : 2);
    found.sort((p, q2) => rank(p) - rank(q2) || p.name.localeCompare(q2.name));
    return found;
  }
  function search(text, pick) {
    const found = matches(text);
    state.found = found.slice(0, 50).map((a) => a.id);
    results.replaceChildren();
    for (const a of found.slice(0, 12)) {
      const extra = a.aliases.length ? ' (' + a.aliases.slice(0, 2).join(', ') + ')' : '';
      results.append(el('li', { 'data-actor': a.id, onclick: () => { pickResult(a.id); } }, a.name + extra));
    }
    if (text.trim() && found.length === 0) results.append(el('li', { class: 'muted' }, 'no actor matches'));
    results.hidden = !text.trim();
    draw();
    if (pick && found.length) pickResult(found[0].id);
    else if (cy && found.length) {
      const nodes = cy.collection(state.found.map((id) => cy.getElementById(nodeId(id))).filter((n) => n.nonempty()));
      if (nodes.nonempty()) cy.animate({ center: { eles: nodes } }, { duration: 250 });
    }
    return found.map((a) => a.id);
  }
  function pickResult(id) {
    results.hidden = true;
    selectActor(id, true);
  }
  searchInput.addEventListener('input', () => search(searchInput.value, false));
  searchInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') search(searchInput.value, true);
    if (event.key === 'Escape') { searchInput.value = ''; search('', false); }
  });

  $('relayout').addEventListener('click', () => {
    if (!cy) return;
    layOut(visible.relations.concat(visible.events), false);
    cy.nodes().forEach((n) => {
      const p = positions.get(n.data('aid'));
      if (p) n.position({ x: p.x, y: p.y });
    });
    cy.fit(undefined, 30);
  });
  $('fit').addEventListener('click', () => { if (cy) cy.fit(undefined, 30); });

  // The state in the address, so a view can be shared or reloaded.
  function writeHash() {
    const parts = ['day=' + state.day];
    if (state.knownBy) parts.push('known=' + state.knownBy);
    if (state.certainly) parts.push('certainly');
    try { history.replaceState(null, '', '#' + parts.join('&')); } catch (e) { /* file: pages may refuse */ }
  }
  function readHash() {
    for (const part of location.hash.replace(/^#/, '').split('&')) {
      const [key, value] = part.split('=');
      if (key === 'day' && ISO.test(value || '')) state.day = value < spanFirst ? spanFirst : value > spanLast ? spanLast : value;
      if (key === 'known' && ISO.test(value || '')) state.knownBy = value;
      if (key === 'certainly') state.certainly = true;
    }
  }

  // ----- start ------------------------------------------------------------

  readHash();
  slider.value = String(dayNumber(state.day) - firstNumber);
  $('known-by').value = state.knownBy;
  for (const input of document.querySelectorAll('input[name="certainty"]')) input.checked = input.value === (state.certainly ? 'certainly' : 'possibly');
  update();

  window.actorgraph = {
    setDay, setKnownBy, setCertainty, setKinds, search,
    selectRelation, selectActor: (id) => selectActor(id, true),
    /** The citations the details of a relation show, in the data's order. */
    evidence(id) {
      const r = relationById.get(id);
      if (!r) return null;
      return r.citations.filter((c) => published(c, state.knownBy, state.certainly))
        .map((c) => ({ source: String(c.data.source), superseded: superseded(r, c, state.knownBy, state.certainly) }));
    },
    setEvents: (on) => { state.events = !!on; $('show-events').checked = state.events; update(); return true; },
    state: () => ({
      day: state.day, knownBy: state.knownBy, certainty: state.certainly ? 'certainly' : 'possibly',
      kinds: [...state.kinds], relations: visible.relations.map((r) => r.id), events: visible.events.map((r) => r.id),
      drawn: cy ? cy.edges().length : 0, zoom: cy ? cy.zoom() : null, span: [spanFirst, spanLast], tooLarge: !drawable,
    }),
    /** Where a relation's middle or an actor is drawn, in page pixels. */
    pagePosition(kind, id) {
      if (!cy) return null;
      const target = cy.getElementById(kind === 'relation' ? edgeId(id) : nodeId(id));
      if (target.empty()) return null;
      const p = kind === 'relation' ? target.renderedMidpoint() : target.renderedPosition();
      const box = $('graph').getBoundingClientRect();
      let length = 0;
      if (kind === 'relation') {
        const a = target.source().renderedPosition();
        const b = target.target().renderedPosition();
        length = Math.hypot(a.x - b.x, a.y - b.y);
      }
      return { x: box.left + p.x, y: box.top + p.y, length };
    },
  };
  const status_ = $('status');
  status_.dataset.parseMs = parsedMs.toFixed(1);
  status_.dataset.loadMs = (performance.now() - started).toFixed(1);
  document.body.dataset.ready = 'true';
})();
