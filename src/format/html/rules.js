  // The page's copy of the library's admission rule: which relations show
  // on a day, possibly or certainly, as known by a day, and which of them
  // are contested.
  //
  // The Rust source of truth is src/view/admit.rs. (Until that file lands
  // the rule lives in src/view/mod.rs, src/store/mod.rs and
  // src/view/relation.rs.) The day bounds read here are those the export
  // writes (`dates` in src/format/export.rs, the citation fields in
  // src/format/json.rs). A change to the rule there is a change here:
  // tests/rules_cases.json holds cases that both run, the library in
  // tests/rules_cases.rs and this file under node in
  // tests/tools/rules_check.js.
  //
  // The rule:
  // - a state possibly holds on day d when holds_from <= d < holds_until, and
  //   certainly when certain_from <= d < certain_until (empty = open);
  // - under a knowledge date K, a relation shows only when a supporting
  //   citation had appeared by K (published_first <= K, or for "certainly"
  //   published_last <= K); it is contested when a disputing one had too,
  //   unless a voice that cited it both ways has a latest stance that undoes
  //   the dispute;
  // - events do not hold over days: they show, when asked, as having
  //   happened on or before the day;
  // - under a minimum grade (B2: reliability and credibility each at least
  //   as good, an ungraded part read as F or 6), the citations below it are
  //   dropped before anything else is read (`ruleFields`), as
  //   View::graded_at_least does, so a relation left without a supporting
  //   citation does not show.
  //
  // The page runs this file in one function with layout.js, panel.js and
  // controls.js (page.html); node loads it alone, so it touches no DOM and
  // nothing of the other parts, and hands its functions over through
  // module.exports at the end. Days are ISO text, which sorts like days.
  'use strict';

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
  // The last day a date may have (the library's Date::MAX, in MAX_YEAR).
  const LAST_DAY = '2200-12-31';
  // A written date open above, [2011..]: its last day never comes.
  const OPEN_ABOVE = /\.\.\]$/;

  // ----- a relation as the rule reads it ----------------------------------

  /**
   * What the rule needs of a relation, from its exported `data` (an edge of
   * the page's Cytoscape.js JSON): its day bounds, when its supporting and
   * disputing sources first possibly and certainly appeared, and its
   * citations with their voices.
   */
  const LETTERS = 'ABCDEF';
  /**
   * Whether exported citation `c` (its `reliability` letter and
   * `credibility` digit, null when ungraded) meets `minGrade` ('B2'; empty:
   * any).
   */
  function meets(c, minGrade) {
    if (!minGrade) return true;
    const reliability = LETTERS.indexOf(c.reliability || 'F');
    const credibility = Number(c.credibility || 6);
    return reliability <= LETTERS.indexOf(minGrade[0]) && credibility <= Number(minGrade[1]);
  }

  function ruleFields(d, minGrade) {
    const r = {
      event: d.event === true,
      hf: d.holds_from || '', hu: d.holds_until || '',
      // An empty certain bound is open: no bound was written, or the
      // library's bound is the earliest day there is (a start on
      // 0001-01-01) or never comes (no end).
      cf: ISO.test(d.certain_from || '') ? d.certain_from : '', cu: ISO.test(d.certain_until || '') ? d.certain_until : '',
      // A start whose last day never comes ([2011..]) is never certain.
      // The export writes its certain day as the last day there is, as it
      // does for a start that really ends then (2200), so the written
      // start tells the two apart. (An end whose first day is open,
      // [..2024], is exported as the first day there is: never certain
      // without help.)
      neverCertain: d.event !== true && OPEN_ABOVE.test(d.from || ''),
      // For an event, the day after its last day: certainly happened by
      // `day` when this is at most the day after. The export leaves it
      // empty both when the last day never comes ([2024-11..]) and when it
      // is the last day there is, which has no day after.
      after: d.holds_until || (d.event === true && d.on && !OPEN_ABOVE.test(d.on) ? nextIso(LAST_DAY) : ''),
      kp: NEVER, kc: NEVER, dp: NEVER, dc: NEVER, changedStory: false, citations: [],
    };
    const stances = new Map();
    (d.citations || []).forEach((c, position) => {
      if (!meets(c, minGrade || '')) return;
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
    return r;
  }

  // ----- the rule ---------------------------------------------------------

  function holds(r, day, certainly) {
    if (r.event) return false;
    const possibly = (!r.hf || r.hf <= day) && (!r.hu || day < r.hu);
    if (!possibly || !certainly) return possibly;
    return !r.neverCertain && (!r.cf || r.cf <= day) && (!r.cu || day < r.cu);
  }
  /** An event happened on or before `day` (possibly, or certainly). */
  function happened(r, day, certainly) {
    if (!r.event) return false;
    if (certainly) return !!r.after && r.after <= nextIso(day);
    return !r.hf || r.hf <= day;
  }
  function known(r, knownBy, certainly) {
    // No supporting citation at all: every one was below the minimum grade.
    if (r.kp === NEVER) return false;
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
  /**
   * Whether the page shows relation `r` on `day`: a supporting source known
   * by `knownBy` (empty: any), and a state that held on the day or an
   * event that happened on or before it, possibly or `certainly`.
   */
  function shows(r, day, knownBy, certainly) {
    if (!known(r, knownBy, certainly)) return false;
    return r.event ? happened(r, day, certainly) : holds(r, day, certainly);
  }

  // Node's test harness loads this file as a module; in the page `module`
  // is not defined and the functions stay in the page's scope.
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = { ISO, NEVER, dayNumber, isoOf, nextIso, meets, ruleFields, holds, happened, known, published, later, superseded, contested, shows };
  }
