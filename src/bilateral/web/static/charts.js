// Plain SVG charts: the dyad timeline, the country network and the event map. Labels are textContent.

const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = String(text);
  return e;
}

function titled(node, text) {
  node.appendChild(svg('title', {}, text));
  return node;
}

function empty(container, message) {
  const p = document.createElement('p');
  p.className = 'muted empty';
  p.textContent = message;
  container.replaceChildren(p);
}

// -- months ---------------------------------------------------------------------------------
function monthIndex(m) { return Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1; }
function monthName(i) { return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`; }
function monthOf(date) { return date && /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : (date && /^\d{4}$/.test(date) ? `${date}-01` : null); }

const STATUS_COLOUR = { established: '#1b7f3b', upgraded: '#1b7f3b', restored: '#1b7f3b', proposed: '#4a6fa5',
  downgraded: '#b3261e', suspended: '#b3261e', severed: '#b3261e' };

// Relation levels (step line over their rank) above; monthly cooperation (up) and conflict (down) below.
export function dyadChart(container, data) {
  const [A, B] = data.countries || ['?', '?'];
  const firstPublished = (st) => (st.sources || []).map((x) => x.published).filter(Boolean).sort()[0];
  const rels = (data.history || []).map((r) => ({ ...r, month: monthOf(r.date || firstPublished(r)),
    evidence: (r.sources && r.sources[0] && r.sources[0].evidence) || '' })).filter((r) => r.month);
  const months = data.months || [];
  if (!rels.length && !months.length) { empty(container, `No dated events or relation statements between ${A} and ${B}.`); return; }
  // the axis spans the reporting period (event months, articles' publication months); older steps sit at its
  // left edge, labelled with their own date
  const published = (data.history || []).flatMap((r) => (r.sources || []).map((x) => monthOf(x.published)));
  let period = [...months.map((m) => m.month), ...published].filter(Boolean).map(monthIndex);
  if (!period.length) period = rels.map((r) => monthIndex(r.month));
  let lo = Math.min(...period) - 1, hi = Math.max(...period) + 1;
  if (hi - lo < 12) { const pad = Math.ceil((12 - (hi - lo)) / 2); lo -= pad; hi += pad; }
  const W = Math.max(760, (container.clientWidth || 980) - 20), left = 64, right = 24, top = 24, laneH = 160;
  const gap = 36, barH = 110;
  const H = top + laneH + gap + barH * 2 + 60;
  const x = (i) => left + ((Math.max(lo, Math.min(hi, i)) - lo) / (hi - lo)) * (W - left - right);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'dyad', role: 'img' });
  root.appendChild(svg('title', {}, `${A} – ${B}: relation levels and monthly cooperation and conflict`));

  // relation lane: y by the level's rank
  const ranks = rels.map((r) => (r.rank == null ? 0 : r.rank));
  const maxRank = Math.max(10, ...ranks);
  const base = top + laneH - 10;
  const yr = (rank) => base - (rank / maxRank) * (laneH - 40);
  root.appendChild(svg('text', { x: left + 6, y: top + 4, class: 'axis-label' }, 'relation level'));
  root.appendChild(svg('line', { x1: left, x2: W - right, y1: base, y2: base, class: 'axis' }));
  const sorted = [...rels].sort((a, b) => monthIndex(a.month) - monthIndex(b.month));
  let prev = null;
  for (const r of sorted) {
    if (r.status === 'proposed') continue;
    const px = x(monthIndex(r.month)), py = yr(r.rank == null ? 0 : r.rank);
    if (prev) root.appendChild(svg('path', { d: `M${prev[0]},${prev[1]} H${px} V${py}`, class: 'level-step' }));
    prev = [px, py];
  }
  if (prev) root.appendChild(svg('path', { d: `M${prev[0]},${prev[1]} H${W - right}`, class: 'level-step' }));
  sorted.forEach((r, i) => {
    const mi = monthIndex(r.month);
    const px = x(mi), py = yr(r.rank == null ? 0 : r.rank);
    const colour = STATUS_COLOUR[r.status] || '#555';
    const mark = svg('path', { d: `M${px},${py - 7} L${px + 7},${py} L${px},${py + 7} L${px - 7},${py} Z`,
      fill: r.status === 'proposed' ? '#fff' : colour, stroke: colour, 'stroke-width': 2, class: 'relation-mark' });
    titled(mark, `${r.date || r.month} ${r.level} (${r.status})${r.target_date ? ` target ${r.target_date}` : ''}\n${r.evidence || ''}`);
    root.appendChild(mark);
    const when = mi < lo ? `since ${r.date || r.month}: ` : (r.date ? `${r.date}: ` : '');
    const label = `${when}${r.level} · ${r.status}${r.target_date ? ` → ${r.target_date}` : ''}`;
    const toLeft = px > W - right - 330;
    // below the mark when the level line climbs after it (the label would cross the climb), else above
    const next = sorted.slice(i + 1).find((o) => o.status !== 'proposed');
    const below = r.status !== 'proposed' && next && (next.rank || 0) > (r.rank || 0);
    root.appendChild(svg('text', { x: toLeft ? px - 10 : px + 10, y: below ? py + 20 : py - 9 - (i % 2) * 13,
      class: 'relation-label', 'text-anchor': toLeft ? 'end' : 'start' }, label));
  });

  // monthly bars
  const zero = top + laneH + gap + barH;
  const maxN = Math.max(1, ...months.map((m) => Math.max(m.cooperation, m.conflict)));
  const bw = Math.max(3, Math.min(24, (W - left - right) / (hi - lo) * 0.7));
  root.appendChild(svg('text', { x: left + 6, y: zero - barH - 6, class: 'axis-label coop-label' }, 'cooperation (quads 1-2) ↑'));
  root.appendChild(svg('text', { x: left + 6, y: zero + barH + 16, class: 'axis-label conflict-label' }, 'conflict (quads 3-4) ↓'));
  for (const t of [maxN, Math.round(maxN / 2)]) {
    if (t <= 0) continue;
    for (const sign of [-1, 1]) {
      const y = zero + sign * (t / maxN) * barH;
      root.appendChild(svg('line', { x1: left, x2: W - right, y1: y, y2: y, class: 'grid-line' }));
      root.appendChild(svg('text', { x: left - 6, y: y + 4, class: 'tick', 'text-anchor': 'end' }, t));
    }
  }
  for (const m of months) {
    const cx = x(monthIndex(m.month));
    if (m.cooperation) {
      const h = (m.cooperation / maxN) * barH;
      root.appendChild(titled(svg('rect', { x: cx - bw / 2, y: zero - h, width: bw, height: h, class: 'bar coop' }),
        `${m.month}: ${m.cooperation} cooperation event(s)`));
    }
    if (m.conflict) {
      const h = (m.conflict / maxN) * barH;
      root.appendChild(titled(svg('rect', { x: cx - bw / 2, y: zero, width: bw, height: h, class: 'bar conflict' }),
        `${m.month}: ${m.conflict} conflict event(s)`));
    }
  }
  root.appendChild(svg('line', { x1: left, x2: W - right, y1: zero, y2: zero, class: 'axis' }));
  // month ticks
  const step = Math.max(1, Math.ceil((hi - lo) / 12));
  for (let i = Math.ceil(lo / step) * step; i <= hi; i += step) {
    root.appendChild(svg('line', { x1: x(i), x2: x(i), y1: H - 30, y2: H - 24, class: 'axis' }));
    root.appendChild(svg('text', { x: x(i), y: H - 10, class: 'tick', 'text-anchor': 'middle' }, monthName(i)));
  }
  container.replaceChildren(root);
}

function mix(coop, conflict) {
  const t = coop + conflict ? conflict / (coop + conflict) : 0.5;
  const c = (a, b) => Math.round(a + (b - a) * t);
  return `rgb(${c(27, 179)},${c(127, 38)},${c(59, 30)})`;
}

// Countries on a circle; edges weighted by events, coloured from cooperation to conflict.
export function networkChart(container, data, onEdge) {
  const nodes = (data.nodes || []).slice(0, 60);
  if (!nodes.length) { empty(container, 'No events between two countries in the store yet.'); return; }
  const W = Math.max(760, (container.clientWidth || 980) - 20), H = 620, cx = W / 2, cy = H / 2;
  const R = Math.min(W, H) / 2 - 70;
  const pos = new Map(nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [n.id, [cx + R * Math.cos(a), cy + R * Math.sin(a), a]];
  }));
  const maxE = Math.max(1, ...(data.edges || []).map((e) => e.events));
  const maxN = Math.max(1, ...nodes.map((n) => n.events));
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'network', role: 'img' });
  root.appendChild(svg('title', {}, 'Countries weighted by events'));
  for (const e of data.edges || []) {
    const a = pos.get(e.a), b = pos.get(e.b);
    if (!a || !b) continue;
    const line = svg('line', { x1: a[0], y1: a[1], x2: b[0], y2: b[1], stroke: mix(e.cooperation, e.conflict),
      'stroke-width': 1 + 9 * (e.events / maxE), class: 'edge', 'data-a': e.a, 'data-b': e.b });
    titled(line, `${e.a} – ${e.b}: ${e.events} event(s), ${e.cooperation} cooperation, ${e.conflict} conflict`);
    if (onEdge) line.addEventListener('click', () => onEdge(e.a, e.b));
    root.appendChild(line);
  }
  for (const n of nodes) {
    const [px, py, ang] = pos.get(n.id);
    root.appendChild(titled(svg('circle', { cx: px, cy: py, r: 5 + 15 * Math.sqrt(n.events / maxN), class: 'node',
      'data-id': n.id }), `${n.id}: ${n.events} event(s)`));
    const lx = cx + (R + 32) * Math.cos(ang), ly = cy + (R + 32) * Math.sin(ang);
    root.appendChild(svg('text', { x: lx, y: ly + 4, 'text-anchor': 'middle', class: 'node-label' }, n.id));
  }
  container.replaceChildren(root);
}

// Equirectangular projection (x from longitude, y from latitude, one scale for both), zoomed to the places with
// a margin; a graticule, no tiles. Labels that would overlap a bigger place's label are left to the hover title.
export function mapChart(container, places) {
  places = places || [];
  const W = Math.max(760, (container.clientWidth || 980) - 20);
  let [w, e, s, n] = [-180, 180, -75, 85];
  if (places.length) {
    const lons = places.map((p) => Number(p.lon)), lats = places.map((p) => Number(p.lat));
    w = Math.max(-180, Math.min(...lons) - 12); e = Math.min(180, Math.max(...lons) + 12);
    s = Math.max(-85, Math.min(...lats) - 10); n = Math.min(85, Math.max(...lats) + 10);
    const minSpan = 50;
    if (e - w < minSpan) { const c = (e + w) / 2; w = Math.max(-180, c - minSpan / 2); e = Math.min(180, c + minSpan / 2); }
    if (n - s < minSpan / 2) { const c = (n + s) / 2; s = Math.max(-85, c - minSpan / 4); n = Math.min(85, c + minSpan / 4); }
  }
  const k = Math.min(W / (e - w), 560 / (n - s));  // pixels per degree, both axes
  const mid = (e + w) / 2;
  w = mid - W / (2 * k); e = mid + W / (2 * k);  // fill the width at that scale
  const H = Math.round((n - s) * k);
  const x = (lon) => (Number(lon) - w) * k;
  const y = (lat) => (n - Number(lat)) * k;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'map', role: 'img' });
  root.appendChild(svg('title', {}, 'Places of events'));
  root.appendChild(svg('rect', { x: 0, y: 0, width: W, height: H, class: 'sea' }));
  const step = (e - w) > 120 ? 30 : 10;
  for (let lon = Math.ceil(w / step) * step; lon <= e; lon += step) {
    root.appendChild(svg('line', { x1: x(lon), x2: x(lon), y1: 0, y2: H, class: lon === 0 ? 'graticule major' : 'graticule' }));
    root.appendChild(svg('text', { x: x(lon) + 2, y: H - 4, class: 'tick' }, `${lon}°`));
  }
  for (let lat = Math.ceil(s / step) * step; lat <= n; lat += step) {
    root.appendChild(svg('line', { x1: 0, x2: W, y1: y(lat), y2: y(lat), class: lat === 0 ? 'graticule major' : 'graticule' }));
    root.appendChild(svg('text', { x: 2, y: y(lat) - 2, class: 'tick' }, `${lat}°`));
  }
  const maxN = Math.max(1, ...places.map((p) => p.events));
  const boxes = [];
  const free = (b) => boxes.every((o) => b.x2 < o.x1 || b.x1 > o.x2 || b.y2 < o.y1 || b.y1 > o.y2);
  for (const p of places) {  // biggest first (the API sorts by events)
    const r = 4 + 14 * Math.sqrt(p.events / maxN);
    const cx = x(p.lon), cy = y(p.lat);
    const dot = svg('circle', { cx, cy, r, fill: mix(p.cooperation, p.conflict), class: 'place-dot' });
    titled(dot, `${p.name}${p.country ? ` (${p.country})` : ''}: ${p.events} event(s), ${p.cooperation} cooperation, ${p.conflict} conflict`);
    root.appendChild(dot);
    boxes.push({ x1: cx - r, x2: cx + r, y1: cy - r, y2: cy + r });
  }
  for (const p of places) {
    const r = 4 + 14 * Math.sqrt(p.events / maxN);
    const len = 7 * String(p.name).length, ly = y(p.lat) + 4;
    const right = { x1: x(p.lon) + r + 3, x2: x(p.lon) + r + 3 + len, y1: ly - 11, y2: ly + 2 };
    const left = { x1: x(p.lon) - r - 3 - len, x2: x(p.lon) - r - 3, y1: ly - 11, y2: ly + 2 };
    const box = [right, left].find(free);
    if (!box) continue;
    boxes.push(box);
    root.appendChild(svg('text', { x: box === right ? box.x1 : box.x2, y: ly, class: 'place-label',
      'text-anchor': box === right ? 'start' : 'end' }, p.name));
  }
  if (!places.length) {
    root.appendChild(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'muted-svg' },
      'No geocoded event places in the store yet.'));
  }
  container.replaceChildren(root);
}
