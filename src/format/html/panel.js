  // The side panel: a relation's dates, verdict on the day and quotes with
  // their sources, or an actor's names and timeline. Part of the page's one
  // script (page.html). Data reaches it only as text (textContent and
  // attributes), never as HTML.

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
          el('span', { class: 'badge grade', title: 'Admiralty grade: reliability A-F, credibility 1-6' }, String(d.grade || 'ungraded')),
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
