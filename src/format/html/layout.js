  // The drawing: the colours and sizes of kinds and actors, a seeded force
  // layout written for this page (allies pulled together, opposing camps
  // pushed apart, labels kept clear of each other, pieces packed to the
  // window's shape), and the Cytoscape.js elements that draw the relations
  // shown now. Part of the page's one script (page.html): it reads the data
  // and state of controls.js and the rule of rules.js when called.

  // ----- drawing ----------------------------------------------------------

  const KIND_COLORS = {
    backs: '#2e9d4f', opposes: '#d62728', allied_with: '#17a589', coordinates_with: '#7cb342',
    affiliated_with: '#a0782c', leads: '#1f5fbf', member_of: '#5aa0e0', speaks_for: '#8e5cc4',
    controls: '#9a9a9a', attacks: '#b00020', designates_terrorist: '#f08c00', founded: '#b5b500',
    split_from: '#e377c2', merged_into: '#17becf', brokered: '#8fb0dc', located_in: '#c8c8c8',
    party_to: '#b48a7c', killed: '#222222', competes_with: '#f29ac0', based_in: '#c9c97a',
    condemns: '#ff8a80', withdrew_from: '#80cbc4', met_with: '#4fc3f7', calls_on: '#b39ddb',
    succeeds: '#0e7c86', clashes_with: '#8b0000', involved_with: '#a05a2c', active_in: '#b0b0b0',
    joined: '#6c8fb0',
  };
  const ACTOR_COLORS = {
    State: '#2f62b0', Government: '#4f86d4', ArmedForces: '#264f8f', ArmedGroup: '#c0392b',
    Militia: '#e67e22', Coalition: '#8e44ad', PoliticalOrganization: '#7da63a',
    InternationalOrganization: '#2aa3b8', Ngo: '#7f8c8d', Media: '#95a5a6', Person: '#f1c40f',
    Place: '#c4c4c4', Agreement: '#d5c4a1', Population: '#b9a58f',
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
    succeeds: 0.6, clashes_with: -0.6, involved_with: -0.2, active_in: 0.3, joined: 1.2,
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
