// The page: tabs, the API client, and the views. Routes: #article/ID, #events, #dyad/A/B, #network, #map.
import { annotations, fillTip, renderSide, renderText, segmentsFor } from './article.js';
import { dyadChart, mapChart, networkChart } from './charts.js';

const $ = (sel) => document.querySelector(sel);
const state = { health: null, byKey: new Map() };

// -- API ------------------------------------------------------------------------------------
async function api(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  const token = sessionStorage.getItem('bilateral-token');
  if (options.method && options.method !== 'GET' && token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(path, { ...options, headers });
  let body = null;
  try { body = await res.json(); } catch (_) { body = null; }
  if (!res.ok) {
    const detail = body && body.detail ? (typeof body.detail === 'string' ? body.detail : JSON.stringify(body.detail)) : res.statusText;
    const err = new Error(`${res.status}: ${detail}`);
    err.status = res.status;
    throw err;
  }
  return { body, headers: res.headers };
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && String(v).trim() !== '') q.set(k, String(v).trim());
  const s = q.toString();
  return s ? `?${s}` : '';
}

function setStatus(text) { $('#status').textContent = text; }

// -- tabs and routes -----------------------------------------------------------------------
function show(view) {
  for (const s of document.querySelectorAll('.view')) s.hidden = s.id !== `view-${view}`;
  for (const b of document.querySelectorAll('#tabs button')) b.setAttribute('aria-selected', String(b.dataset.view === view));
  document.body.dataset.view = view;
}

async function route() {
  const parts = decodeURIComponent(location.hash.replace(/^#/, '')).split('/');
  const view = parts[0] || 'article';
  show(['article', 'events', 'dyad', 'network', 'map'].includes(view) ? view : 'article');
  try {
    if (view === 'article' && parts[1]) await openDocument(parts.slice(1).join('/'));
    else if (view === 'events') await loadEvents();
    else if (view === 'dyad' && parts[1] && parts[2]) { $('#dyad-a').value = parts[1]; $('#dyad-b').value = parts[2]; await loadDyad(parts[1], parts[2]); }
    else if (view === 'dyad') await suggestDyad();
    else if (view === 'network') await loadNetwork();
    else if (view === 'map') await loadMap();
  } catch (err) {
    setStatus(String(err.message || err));
  }
  document.body.dataset.ready = 'true';
}

// -- article view --------------------------------------------------------------------------
function showRecord(rec) {
  const anns = annotations(rec);
  state.byKey = new Map(anns.map((a) => [a.key, a]));
  $('#doc-title').textContent = rec.title || rec.id;
  $('#doc-meta').textContent = [rec.id, rec.source, rec.published ? `published ${rec.published}` : 'no publication date']
    .filter(Boolean).join(' · ');
  renderText($('#doc-text'), rec, anns);
  renderSide(document, rec);
  $('#article').hidden = false;
  $('#article').dataset.doc = rec.id;
}

async function openDocument(id) {
  const { body } = await api(`/documents/${encodeURIComponent(id)}`);
  showRecord(body);
}

async function loadDocumentList() {
  const { body } = await api('/documents?limit=500');
  const sel = $('#doc-select');
  sel.replaceChildren(new Option('open a stored document…', ''));
  for (const d of body) sel.appendChild(new Option(`${d.published || '????'} ${d.title || d.id} (${d.n_events} events)`, d.id));
}

async function submitExtract(ev) {
  ev.preventDefault();
  $('#extract-error').textContent = '';
  const text = $('#f-text').value;
  const file = $('#f-file').files[0];
  const payload = { title: $('#f-title').value || null, published: $('#f-published').value || null,
    source: $('#f-source').value || null };
  if (file && !text.trim()) {
    const content = await file.text();
    if (/\.html?$/i.test(file.name) || file.type === 'text/html') payload.html = content; else payload.text = content;
    if (!payload.title && !payload.html) payload.title = file.name;
  } else {
    payload.text = text;
  }
  const store = $('#f-store').checked && !(state.health && state.health.read_only);
  $('#f-submit').disabled = true;
  setStatus('extracting…');
  try {
    const { body, headers } = await api(`/extract?store=${store}`, { method: 'POST',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
    showRecord(body);
    setStatus(`extracted ${body.events.length} event(s); stored: ${headers.get('X-Bilateral-Stored') || 'no'}`);
    if (store) await loadDocumentList();
  } catch (err) {
    $('#extract-error').textContent = err.status === 401 ? `${err.message} (enter the token at the top right)` : err.message;
    setStatus('');
  } finally {
    $('#f-submit').disabled = false;
  }
}

function setupTooltip() {
  const tip = $('#tip');
  const text = $('#doc-text');
  text.addEventListener('mouseover', (ev) => {
    const seg = ev.target.closest('.hl');
    if (!seg) return;
    fillTip(tip, seg.dataset.ann.split(' ').reverse(), state.byKey);
    tip.hidden = false;
    const r = seg.getBoundingClientRect();
    tip.style.left = `${Math.min(window.innerWidth - 380, Math.max(4, r.left + window.scrollX))}px`;
    tip.style.top = `${r.bottom + window.scrollY + 6}px`;
  });
  text.addEventListener('mouseout', (ev) => {
    if (!ev.relatedTarget || !ev.relatedTarget.closest || !ev.relatedTarget.closest('.hl')) tip.hidden = true;
  });
  const side = $('#doc-side');
  const focus = (ev, on) => {
    const li = ev.target.closest('li[data-key]');
    if (!li) return;
    for (const s of segmentsFor(text, li.dataset.key)) s.classList.toggle('focus', on);
  };
  side.addEventListener('mouseover', (ev) => focus(ev, true));
  side.addEventListener('mouseout', (ev) => focus(ev, false));
  side.addEventListener('click', (ev) => {
    const li = ev.target.closest('li[data-key]');
    const segs = li ? segmentsFor(text, li.dataset.key) : [];
    if (segs.length) segs[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
  });
}

// -- events view ---------------------------------------------------------------------------
function cell(tr, text, cls) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '' : String(text);
  if (cls) td.className = cls;
  tr.appendChild(td);
  return td;
}

function countryCell(name, country, sector) {
  const code = [country, sector].filter(Boolean).join(' ');
  return [name, code && `(${code})`].filter(Boolean).join(' ');
}

async function loadEvents() {
  const form = $('#event-filters');
  const params = Object.fromEntries(new FormData(form).entries());
  params.dedup = form.querySelector('input[name=dedup]').checked ? 'true' : 'false';
  const { body } = await api(`/events${query({ ...params, limit: 500 })}`);
  const tbody = $('#events-table tbody');
  tbody.replaceChildren();
  for (const e of body.events) {
    const tr = document.createElement('tr');
    tr.className = `status-${e.status} quad-${e.quad}`;
    cell(tr, e.date);
    cell(tr, e.type);
    cell(tr, e.quad);
    cell(tr, countryCell(e.source_name, e.source_country, e.source_sector));
    cell(tr, countryCell(e.target_name, e.target_country, e.target_sector));
    cell(tr, e.status);
    cell(tr, e.place);
    cell(tr, e.articles);
    cell(tr, e.evidence, 'evidence-cell');
    const td = cell(tr, '');
    for (const id of (e.documents || '').split(';').filter(Boolean).slice(0, 3)) {
      const a = document.createElement('a');
      a.href = `#article/${encodeURIComponent(id)}`;
      a.textContent = id;
      td.appendChild(a);
      td.appendChild(document.createTextNode(' '));
    }
    tbody.appendChild(tr);
  }
  $('#events-count').textContent = `${body.total} event(s)${body.total > body.events.length ? `, first ${body.events.length} shown` : ''}`;
}

// -- corpus charts -------------------------------------------------------------------------
async function loadDyad(a, b) {
  const { body } = await api(`/dyads/${encodeURIComponent(a.trim().toUpperCase())}/${encodeURIComponent(b.trim().toUpperCase())}`);
  const [A, B] = body.countries;
  const n = body.months.reduce((k, m) => k + m.events, 0);
  $('#dyad-title').textContent = `${A} – ${B}: ${body.current ? `current standing ${body.current}` : 'standing unknown'} · `
    + `${body.history.length} relation step(s), ${n} counted event(s), ${body.documents} document(s)`;
  dyadChart($('#dyad-chart'), body);
  const tbody = $('#dyad-relations tbody');
  tbody.replaceChildren();
  for (const r of body.history) {
    const tr = document.createElement('tr');
    cell(tr, r.date);
    cell(tr, r.level);
    cell(tr, r.status);
    cell(tr, r.target_date);
    cell(tr, (r.sources || []).length);
    cell(tr, r.sources && r.sources[0] ? r.sources[0].evidence : '', 'evidence-cell');
    tbody.appendChild(tr);
  }
  const asks = $('#dyad-asks tbody');
  asks.replaceChildren();
  for (const [kind, list] of [['request', body.requests], ['promise', body.promises]]) {
    for (const e of list || []) {
      const tr = document.createElement('tr');
      for (const v of [e.date, kind, e.type, e.source, e.target, e.deadline, e.articles]) cell(tr, v);
      cell(tr, e.evidence, 'evidence-cell');
      asks.appendChild(tr);
    }
  }
}

async function suggestDyad() {
  if ($('#dyad-a').value && $('#dyad-b').value) return;
  const { body } = await api('/network');
  if (body.edges.length) location.hash = `#dyad/${body.edges[0].a}/${body.edges[0].b}`;
}

async function loadNetwork() {
  const { body } = await api('/network');
  networkChart($('#network-chart'), body, (a, b) => { location.hash = `#dyad/${a}/${b}`; });
}

async function loadMap() {
  const { body } = await api('/event-places');
  mapChart($('#map-chart'), body);
}

// -- start ---------------------------------------------------------------------------------
async function start() {
  for (const b of document.querySelectorAll('#tabs button')) {
    b.addEventListener('click', () => { location.hash = `#${b.dataset.view}`; });
  }
  $('#extract-form').addEventListener('submit', submitExtract);
  $('#doc-select').addEventListener('change', (ev) => { if (ev.target.value) location.hash = `#article/${ev.target.value}`; });
  $('#event-filters').addEventListener('submit', (ev) => { ev.preventDefault(); loadEvents().catch((e) => setStatus(e.message)); });
  $('#dyad-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = `#dyad/${$('#dyad-a').value.trim().toUpperCase()}/${$('#dyad-b').value.trim().toUpperCase()}`;
  });
  $('#token').addEventListener('change', (ev) => sessionStorage.setItem('bilateral-token', ev.target.value));
  setupTooltip();
  window.addEventListener('hashchange', route);
  try {
    state.health = (await api('/health')).body;
    $('#token-box').hidden = !state.health.token_required;
    if (state.health.read_only) { $('#f-store').checked = false; $('#f-store').disabled = true; }
    setStatus(`${state.health.documents} document(s) in the store${state.health.read_only ? ' · read-only' : ''}`);
    const vocab = (await api('/vocabulary')).body;
    const sel = document.querySelector('#event-filters select[name=type]');
    for (const t of vocab.types) sel.appendChild(new Option(`${t.type} (quad ${t.quad})`, t.type));
    await loadDocumentList();
  } catch (err) {
    setStatus(String(err.message || err));
  }
  await route();
}

start();
