// Render one document record: its text with every annotation highlighted, and the side lists.
// Article text and every record string are written with textContent / createTextNode only, never
// as HTML: an article containing <script> shows as text.

// Spans are [start, end) offsets in code points (Python str indices); JS strings count UTF-16 units,
// so the text is split into code points first.

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

function actorLabel(actors, id) {
  const a = id ? actors.get(id) : null;
  if (!a) return id ? id : '—';
  const code = [a.country, a.sector].filter(Boolean).join(' ');
  return code ? `${a.name} (${code})` : a.name;
}

// Every annotation of the record: {key, kind, start, end, lines: [[label, value]...], title}
export function annotations(rec) {
  const actors = new Map((rec.actors || []).map((a) => [a.id, a]));
  const places = new Map((rec.places || []).map((p) => [p.id, p]));
  const out = [];
  const push = (key, kind, span, title, lines) => {
    if (!span || span.length !== 2 || !(span[1] > span[0])) return;
    out.push({ key, kind, start: span[0], end: span[1], title, lines });
  };
  for (const a of rec.actors || []) {
    (a.mentions || []).forEach((m, i) => push(`actor:${a.id}:${i}`, 'actor', m.span, `actor ${a.id}: ${a.name}`, [
      ['kind', a.kind], ['country', a.country || '—'], ['sector', a.sector || '—'], ['title', a.title],
      ['confidence', a.confidence], ['rule', a.rule],
    ]));
  }
  for (const e of rec.events || []) {
    const place = e.place ? places.get(e.place) : null;
    const lines = [
      ['type', e.type + (e.mode ? ` / ${e.mode}` : '')], ['cameo', e.cameo], ['quad', e.quad],
      ['intensity', e.intensity], ['source', actorLabel(actors, e.source)], ['target', actorLabel(actors, e.target)],
      ['status', e.status], ['date', e.date], ['place', place ? place.name : e.place],
      ['contexts', (e.contexts || []).join(', ')], ['in quote', e.quote], ['confidence', e.confidence], ['why', e.why],
    ];
    push(`evidence:${e.id}`, 'evidence', e.evidence && e.evidence.span, `event ${e.id}: ${e.type}`, lines);
    push(`trigger:${e.id}`, 'trigger', e.trigger && e.trigger.span, `event ${e.id}: ${e.type}`, lines);
  }
  for (const q of rec.quotes || []) {
    const lines = [['kind', q.kind], ['speaker', actorLabel(actors, q.speaker)],
      ['speaker words', q.speaker_mention ? q.speaker_mention.text : null], ['cue', q.cue ? q.cue.text : null],
      ['medium', q.medium], ['date', q.date]];
    push(`quote:${q.id}`, 'quote', q.span, `quote ${q.id}`, lines);
    if (q.speaker_mention) push(`speaker:${q.id}`, 'speaker', q.speaker_mention.span, `speaker of ${q.id}`, lines);
  }
  for (const t of rec.times || []) {
    push(`time:${t.id}`, 'time', t.span, `time ${t.id}`, [['type', t.type], ['value', t.value], ['ends', t.end],
      ['anchor', t.anchor]]);
  }
  for (const p of rec.places || []) {
    push(`place:${p.id}`, 'place', p.span, `place ${p.id}: ${p.name}`, [['country', p.country],
      ['feature', p.feature], ['lat, lon', p.lat != null ? `${p.lat}, ${p.lon}` : null],
      ['geonameid', p.geonameid]]);
  }
  return out;
}

// The text as segments between annotation boundaries; each segment knows which annotations cover it.
// One sweep over the boundaries (annotations open and close there), so long articles stay fast.
export function renderText(container, rec, anns) {
  const cps = Array.from(rec.text || '');
  const clamp = (i) => Math.max(0, Math.min(cps.length, i));
  const opens = new Map(), closes = new Map();
  const at = (map, i, a) => { if (!map.has(i)) map.set(i, []); map.get(i).push(a); };
  for (const a of anns) {
    const s = clamp(a.start), e = clamp(a.end);
    if (e <= s) continue;
    at(opens, s, a);
    at(closes, e, a);
  }
  const bounds = [...new Set([0, cps.length, ...opens.keys(), ...closes.keys()])].sort((x, y) => x - y);
  const active = new Set();
  container.replaceChildren();
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < bounds.length; i++) {
    const s = bounds[i], e = bounds[i + 1];
    for (const a of closes.get(s) || []) active.delete(a);
    for (const a of opens.get(s) || []) active.add(a);
    const text = cps.slice(s, e).join('');
    if (!active.size) { frag.appendChild(document.createTextNode(text)); continue; }
    const covering = [...active];
    const kinds = [...new Set(covering.map((a) => a.kind))];
    const span = el('span', ['hl', ...kinds].join(' '), text);
    span.dataset.ann = covering.map((a) => a.key).join(' ');
    span.dataset.start = String(s);
    frag.appendChild(span);
  }
  container.appendChild(frag);
}

// The tooltip: every annotation under the pointer, its codes, status and why.
export function fillTip(tip, keys, byKey) {
  tip.replaceChildren();
  const seen = new Set();
  for (const key of keys) {
    const a = byKey.get(key);
    if (!a) continue;
    const id = a.kind === 'trigger' || a.kind === 'evidence' ? key.split(':')[1] : key;
    if (seen.has(id)) continue;
    seen.add(id);
    const box = el('div', `tip-item tip-${a.kind}`);
    box.appendChild(el('div', 'tip-title', a.title));
    const dl = el('dl');
    for (const [k, v] of a.lines) {
      if (v === null || v === undefined || v === '') continue;
      dl.appendChild(el('dt', null, k));
      dl.appendChild(el('dd', k === 'why' ? 'why' : null, v));
    }
    box.appendChild(dl);
    tip.appendChild(box);
  }
}

function item(list, key, main, sub) {
  const li = el('li');
  li.dataset.key = key;
  li.appendChild(el('span', 'item-main', main));
  if (sub) li.appendChild(el('span', 'item-sub', sub));
  list.appendChild(li);
  return li;
}

export function renderSide(root, rec) {
  const actors = new Map((rec.actors || []).map((a) => [a.id, a]));
  const get = (id) => root.querySelector(id);
  for (const id of ['#list-events', '#list-quotes', '#list-actors', '#list-relations', '#list-warnings']) {
    get(id).replaceChildren();
  }
  for (const e of rec.events || []) {
    item(get('#list-events'), `event:${e.id}`,
      `${e.type}  ${actorLabel(actors, e.source)} → ${actorLabel(actors, e.target)}  [${e.status}]`,
      `“${e.trigger ? e.trigger.text : ''}” · ${e.why || ''}`).classList.add(`status-${e.status}`);
  }
  for (const q of rec.quotes || []) {
    item(get('#list-quotes'), `quote:${q.id}`, `${actorLabel(actors, q.speaker)}: “${q.text}”`,
      [q.kind, q.cue ? `cue “${q.cue.text}”` : null, q.medium].filter(Boolean).join(' · '));
  }
  for (const a of rec.actors || []) {
    item(get('#list-actors'), `actor:${a.id}`, actorLabel(actors, a.id),
      [a.kind, a.title, `${(a.mentions || []).length} mention(s)`].filter(Boolean).join(' · '));
  }
  (rec.relations || []).forEach((r, i) => item(get('#list-relations'), `relation:${i}`,
    `${(r.countries || []).join(' – ')}: ${r.level} (${r.status})`,
    [r.date, r.target_date ? `target ${r.target_date}` : null].filter(Boolean).join(' · ')));
  (rec.warnings || []).forEach((w, i) => item(get('#list-warnings'), `warning:${i}`, w));
  get('#n-events').textContent = `(${(rec.events || []).length})`;
  get('#n-quotes').textContent = `(${(rec.quotes || []).length})`;
  get('#n-actors').textContent = `(${(rec.actors || []).length})`;
}

// Which text segments belong to a side-list item (for focus on hover and click).
export function segmentsFor(container, key) {
  const [kind, id] = key.split(':');
  const wanted = kind === 'event' ? [`trigger:${id}`, `evidence:${id}`] : kind === 'quote' ? [`quote:${id}`] : [];
  const prefix = kind === 'actor' ? `actor:${id}:` : null;
  return [...container.querySelectorAll('.hl')].filter((s) => {
    const keys = s.dataset.ann.split(' ');
    return keys.some((k) => wanted.includes(k) || (prefix && k.startsWith(prefix)));
  });
}
