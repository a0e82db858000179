  // The page's data, state and controls: reads the graph and the settings
  // the page opens on, keeps what is shown now (filtered by rules.js), and
  // wires the slider, the switches, the kind filters, the search and the
  // address's hash; then starts the page and hands tests its control API.
  // It comes last of the page's parts (page.html), so that everything it
  // starts is defined.
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
  // #analysis lists the day's unbalanced triangles (see showAnalysis).
  //
  // Above config.draw_limit relations shown at once the page lists them
  // instead of drawing them, and says so in #message.

  const started = performance.now();
  const $ = (id) => document.getElementById(id);
  const config = JSON.parse($('page-config').textContent);
  const raw = JSON.parse($('graph-data').textContent);
  const parsedMs = performance.now() - started;

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
      index, id: String(d.id), kind: String(d.kind),
      source: String(d.source), target: String(d.target), data: d,
      ...ruleFields(d),
    };
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

  // ----- page state -------------------------------------------------------

  const state = {
    day: startDay,
    knownBy: config.start && ISO.test(config.start.known_by || '') ? config.start.known_by : '',
    certainly: !!(config.start && config.start.certainly),
    // The minimum grade of evidence ('B2'); empty: every citation counts.
    // A view exported with a minimum grade opens on it.
    minGrade: config.start && /^[A-F][1-6]$/.test(config.start.min_grade || '') ? config.start.min_grade : '',
    kinds: new Set(presentKinds.keys()),
    events: false,
    isolated: false,
    campColours: false,
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
      if (!kinds.has(r.kind) || (r.event && !state.events) || !shows(r, day, knownBy, certainly)) continue;
      if (r.event) events.push(r); else shown.push(r);
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

  // ----- status, controls -------------------------------------------------

  function status() {
    const { day, knownBy, certainly } = state;
    const count = visible.relations.length;
    const actorsShown = new Set();
    for (const r of visible.relations) { actorsShown.add(r.source); actorsShown.add(r.target); }
    let text = count + (count === 1 ? ' relation ' : ' relations ') + (certainly ? 'certainly' : 'possibly') +
      ' held on ' + day + ' among ' + actorsShown.size + ' actors';
    text += knownBy ? ', as known by ' + knownBy : ', by every source';
    if (state.minGrade) text += ', on evidence graded ' + state.minGrade + ' or better';
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
    showAnalysis();
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

  // ----- the signed analysis (src/format/html_analysis.rs) ---------------
  //
  // The library computes, for each day on which it can change, the two
  // signed camps, the frustrated relations and the unbalanced triangles;
  // the page shows the entry for the slider's day: the nodes coloured by
  // camp when asked, and the triangles listed in #analysis (data-day,
  // data-count: unbalanced triangles that day, data-camps: actor -> camp).

  const analysis = config.analysis || null;
  const CAMP_COLORS = ['#c62828', '#1565c0'];

  function analysisOn(day) {
    if (!analysis) return null;
    let found = null;
    for (const entry of analysis.days) {
      if (entry.from <= day) found = entry;
      else break;
    }
    return found;
  }

  function showAnalysis() {
    const box = $('analysis');
    const entry = analysisOn(state.day);
    box.replaceChildren();
    box.dataset.day = state.day;
    box.dataset.count = entry ? String(entry.count) : '0';
    box.dataset.camps = JSON.stringify(entry ? entry.camps : {});
    if (cy) {
      cy.batch(() => cy.nodes().forEach((node) => {
        const actor = actorById.get(node.data('aid'));
        const camp = entry && state.campColours ? entry.camps[node.data('aid')] : undefined;
        const own = actor ? ACTOR_COLORS[actor.kind] || '#999' : '#999';
        node.data('color', state.campColours ? (camp ? CAMP_COLORS[camp - 1] : '#ccc') : own);
      }));
    }
    if (!analysis) {
      box.append(el('p', { class: 'muted' }, 'Balance and signed camps are computed for graphs of up to ' +
        config.analysis_limit.toLocaleString('en') + ' relations whose signed ties change on at most ' +
        config.analysis_days_limit.toLocaleString('en') + ' days.'));
      return;
    }
    if (!entry || !entry.triangles && !Object.keys(entry.camps).length) {
      box.append(el('p', { class: 'muted' }, 'No signed relations on ' + state.day + '.'));
      return;
    }
    const reading = (analysis.certainly ? 'certainly' : 'possibly') + ' held, ' +
      (analysis.known_by ? 'as known by ' + analysis.known_by : 'by every source');
    const ratio = entry.ratio === null ? 'no triangle' :
      (entry.ratio * 100).toFixed(1) + '% of ' + entry.triangles + ' triangles balanced';
    box.append(el('h3', null, 'Balance on ' + state.day));
    box.append(el('p', null, ratio + '; ' + entry.frustrated.length + ' relation(s) frustrate the two signed camps.'));
    if (analysis.certainly !== state.certainly || analysis.known_by !== state.knownBy) {
      box.append(el('p', { class: 'muted' }, 'Computed for relations ' + reading + ', as the page opened.'));
    }
    if (!entry.count) return;
    box.append(el('p', null, 'Unbalanced triangles, surest first (' + entry.count + '):'));
    const list = el('ol', { id: 'unbalanced' });
    for (const triangle of entry.unbalanced) {
      const item = el('li', null, triangle.actors.join(' \u2013 ') + ': ');
      triangle.relations.forEach((id, i) => {
        if (i) item.append(', ');
        item.append(el('a', { href: '#', 'data-relation': id, onclick: (event) => { event.preventDefault(); selectRelation(id); } }, id));
      });
      list.append(item);
    }
    box.append(list);
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

  const GRADE = /^[A-F][1-6]$/;
  for (const letter of 'ABCDEF') {
    for (const digit of '123456') {
      const option = document.createElement('option');
      option.value = option.textContent = letter + digit;
      $('min-grade').append(option);
    }
  }
  /** Counts only citations graded `grade` or better ('' for all): each
   * relation's rule fields are read again from its graded citations, as
   * View::graded_at_least judges it. */
  function setMinGrade(grade) {
    if (grade && !GRADE.test(grade)) return false;
    state.minGrade = grade || '';
    $('min-grade').value = state.minGrade;
    for (const r of relations) Object.assign(r, ruleFields(r.data, state.minGrade));
    update();
    return true;
  }
  $('min-grade').addEventListener('change', () => setMinGrade($('min-grade').value));

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
  $('camp-colours').addEventListener('change', () => { state.campColours = $('camp-colours').checked; update(); });

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
    if (state.minGrade) parts.push('grade=' + state.minGrade);
    try { history.replaceState(null, '', '#' + parts.join('&')); } catch (e) { /* file: pages may refuse */ }
  }
  function readHash() {
    for (const part of location.hash.replace(/^#/, '').split('&')) {
      const [key, value] = part.split('=');
      if (key === 'day' && ISO.test(value || '')) state.day = value < spanFirst ? spanFirst : value > spanLast ? spanLast : value;
      if (key === 'known' && ISO.test(value || '')) state.knownBy = value;
      if (key === 'certainly') state.certainly = true;
      if (key === 'grade' && GRADE.test(value || '')) state.minGrade = value;
    }
  }

  // ----- start ------------------------------------------------------------

  readHash();
  slider.value = String(dayNumber(state.day) - firstNumber);
  $('known-by').value = state.knownBy;
  for (const input of document.querySelectorAll('input[name="certainty"]')) input.checked = input.value === (state.certainly ? 'certainly' : 'possibly');
  $('min-grade').value = state.minGrade;
  if (state.minGrade) for (const r of relations) Object.assign(r, ruleFields(r.data, state.minGrade));
  update();

  window.actorgraph = {
    setDay, setKnownBy, setCertainty, setMinGrade, setKinds, search,
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
      day: state.day, knownBy: state.knownBy, certainty: state.certainly ? 'certainly' : 'possibly', minGrade: state.minGrade,
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
