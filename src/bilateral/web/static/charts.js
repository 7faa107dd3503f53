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
  const W = 760, H = 620, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 70;
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

// Equirectangular projection: x = lon, y = -lat; a graticule every 30 degrees, no tiles.
export function mapChart(container, places) {
  const W = 960, H = 480;
  const x = (lon) => ((Number(lon) + 180) / 360) * W;
  const y = (lat) => ((90 - Number(lat)) / 180) * H;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'map', role: 'img' });
  root.appendChild(svg('title', {}, 'Places of events'));
  root.appendChild(svg('rect', { x: 0, y: 0, width: W, height: H, class: 'sea' }));
  for (let lon = -180; lon <= 180; lon += 30) {
    root.appendChild(svg('line', { x1: x(lon), x2: x(lon), y1: 0, y2: H, class: lon === 0 ? 'graticule major' : 'graticule' }));
    if (lon > -180 && lon < 180) root.appendChild(svg('text', { x: x(lon) + 2, y: H - 4, class: 'tick' }, `${lon}°`));
  }
  for (let lat = -60; lat <= 60; lat += 30) {
    root.appendChild(svg('line', { x1: 0, x2: W, y1: y(lat), y2: y(lat), class: lat === 0 ? 'graticule major' : 'graticule' }));
    root.appendChild(svg('text', { x: 2, y: y(lat) - 2, class: 'tick' }, `${lat}°`));
  }
  const maxN = Math.max(1, ...(places || []).map((p) => p.events));
  for (const p of places || []) {
    const r = 3 + 12 * Math.sqrt(p.events / maxN);
    const dot = svg('circle', { cx: x(p.lon), cy: y(p.lat), r, fill: mix(p.cooperation, p.conflict), class: 'place-dot' });
    titled(dot, `${p.name}${p.country ? ` (${p.country})` : ''}: ${p.events} event(s), ${p.cooperation} cooperation, ${p.conflict} conflict`);
    root.appendChild(dot);
    root.appendChild(svg('text', { x: x(p.lon) + r + 2, y: y(p.lat) + 4, class: 'place-label' }, p.name));
  }
  if (!(places || []).length) {
    root.appendChild(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'muted-svg' },
      'No geocoded event places in the store yet.'));
  }
  container.replaceChildren(root);
}
