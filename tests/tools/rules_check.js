// Runs the admission rule's table of cases through the page's JavaScript
// copy of the rule, as the page itself applies it: each relation is read
// from the data the HTML export embeds (one edge's `data` of its
// Cytoscape.js JSON), so the export's day bounds are tested with the rule.
// Exits 1 when an answer differs from the table's.
//
// Usage: node rules_check.js RULES_JS CASES_JSON EDGES_JSON
//   RULES_JS    src/format/html/rules.js
//   CASES_JSON  tests/rules_cases.json
//   EDGES_JSON  {"case name": edge data, ...}, written by tests/rules_cases.rs
//
// Plain node, no packages.
'use strict';

const fs = require('fs');
const path = require('path');

const [rulesPath, casesPath, edgesPath] = process.argv.slice(2);
if (!edgesPath) {
  console.error('usage: node rules_check.js RULES_JS CASES_JSON EDGES_JSON');
  process.exit(2);
}
const rules = require(path.resolve(rulesPath));
const table = JSON.parse(fs.readFileSync(casesPath, 'utf8'));
const edges = JSON.parse(fs.readFileSync(edgesPath, 'utf8'));

const failures = [];
let checks = 0;
for (const c of table.cases) {
  const data = edges[c.name];
  if (!data) {
    failures.push(`${c.name}: the export gave no relation`);
    continue;
  }
  c.checks.forEach((q, i) => {
    checks++;
    // The citations below the check's minimum grade dropped, as the page does.
    const r = rules.ruleFields(data, q.min_grade || '');
    const knownBy = q.known_by || '';
    const certainly = q.certainty === 'certainly';
    // The page flags as contested only the relations it shows.
    const shown = rules.shows(r, q.day, knownBy, certainly);
    const contested = shown && rules.contested(r, knownBy, certainly);
    if (shown !== q.shown || contested !== q.contested) {
      failures.push(`${c.name}, check ${i + 1} (day ${q.day}, known by ${knownBy || '-'}, ${q.certainty}, grade ${q.min_grade || '-'}): `
        + `shown ${shown}, contested ${contested}; the table says shown ${q.shown}, contested ${q.contested}`);
    }
  });
}
const extra = Object.keys(edges).filter((name) => !table.cases.some((c) => c.name === name));
for (const name of extra) failures.push(`${name}: exported but not in the table`);

console.log(`rules.js: ${table.cases.length} cases, ${checks} checks, ${failures.length} failing`);
for (const f of failures) console.log('FAIL ' + f);
process.exit(failures.length ? 1 : 0);
