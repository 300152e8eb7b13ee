// The moderator console: the review queue, one comment in full, decisions, live updates, the rule tester.
// Plain JavaScript modules, no build step. Everything from the API is rendered through dom.js and
// highlight.js, which only ever create text nodes from data.

import {ApiError, basic, bearer, onUnauthorized, request, signIn, signOut, signedIn, stream} from './api.js';
import {el, fill, link, time} from './dom.js';
import {category, highlighted} from './highlight.js';

const $ = id => document.getElementById(id);
const PAGE_SIZE = 50;
const CLAIM_BATCH = 10;

const state = {
  me: null,
  filters: null,
  items: [],               // queue items in display order
  rows: new Map(),         // commentId -> <li>
  next: null,              // cursor of the next page
  exhausted: false,
  loading: false,
  loaded: false,
  generation: 0,           // bumped on every reload, so late answers for old filters are dropped
  current: null,           // commentId of the open comment
  currentIndex: 0,         // where it was in the list (it stays open when it leaves the list)
  detail: null,
  detailAbort: null,
  deciding: false,
  selected: new Set(),
  decidedHere: new Set(),  // decisions taken in this tab: their LEFT events need no notice
  earlyChanges: [],        // stream events that arrived before the first page
  streamAbort: null,
};

// ---------------------------------------------------------------------------------------------- sign-in

function showSignIn(message = '') {
  stopStream();
  state.me = null;
  $('app').hidden = true;
  $('signin').hidden = false;
  $('signin-error').textContent = message;
  $('password').value = '';
  $('username').focus();
}

async function submitSignIn(event) {
  event.preventDefault();
  const username = $('username').value.trim();
  const password = $('password').value;
  const token = $('token').value.trim();
  if (!token && (!username || !password)) {
    $('signin-error').textContent = 'Enter your user name and password.';
    return;
  }
  $('signin-error').textContent = '';
  try {
    state.me = await signIn(token ? bearer(token) : basic(username, password));
    $('password').value = '';
    $('token').value = '';
    start();
  } catch (error) {
    $('signin-error').textContent = signInProblem(error);
  }
}

function signInProblem(error) {
  if (error instanceof ApiError && error.status === 401) {
    return 'Wrong user name or password (or the token is not valid).';
  }
  if (error instanceof ApiError && error.status === 403) {
    return 'This account may not moderate: it needs the MODERATOR or ADMIN role.';
  }
  return `The service could not be reached (${error.message}).`;
}

function start() {
  $('signin').hidden = true;
  $('app').hidden = false;
  const admin = state.me.roles.includes('ADMIN');
  fill($('who'), state.me.username, admin ? ' (admin)' : '');
  $('rule-test').hidden = !admin;
  readUrlIntoFilters();
  state.filters = formFilters();
  reload({focusFirst: true});
  connectStream();
}

// ---------------------------------------------------------------------------------------------- filters

function formFilters() {
  const form = new FormData($('filters'));
  const text = name => String(form.get(name) || '').trim();
  return {
    status: text('status') || 'PENDING',
    siteId: text('siteId'),
    threadId: text('threadId'),
    category: text('category'),
    minSeverity: text('minSeverity'),
    sort: text('sort') || 'newest',
    mine: form.get('mine') === 'on',
  };
}

function queueParams(filters) {
  const params = new URLSearchParams();
  for (const name of ['status', 'siteId', 'threadId', 'category', 'minSeverity', 'sort']) {
    if (filters[name]) {
      params.set(name, filters[name]);
    }
  }
  if (filters.mine) {
    params.set('claimedBy', state.me.username);
  }
  return params;
}

/** The filters live in the address too, so a reload or a shared link shows the same queue. */
function writeFiltersToUrl(filters) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    const isDefault = (name === 'status' && value === 'PENDING') || (name === 'sort' && value === 'newest');
    if (value && !isDefault) {
      params.set(name, value === true ? '1' : value);
    }
  }
  const query = params.toString();
  history.replaceState(null, '', query ? `/?${query}` : '/');
}

function readUrlIntoFilters() {
  const params = new URLSearchParams(location.search);
  const form = $('filters');
  for (const name of ['status', 'siteId', 'threadId', 'category', 'minSeverity', 'sort']) {
    if (params.has(name)) {
      const field = form.elements.namedItem(name);
      field.value = params.get(name);
      if (field.tagName === 'SELECT' && field.selectedIndex < 0) {
        field.selectedIndex = 0;
      }
    }
  }
  form.elements.namedItem('mine').checked = params.get('mine') === '1';
}

function applyFilters(event) {
  event?.preventDefault();
  state.filters = formFilters();
  writeFiltersToUrl(state.filters);
  reload({focusFirst: false});
}

// ---------------------------------------------------------------------------------------------- the list

async function reload({focusFirst}) {
  state.generation++;
  state.items = [];
  state.rows.clear();
  state.next = null;
  state.exhausted = false;
  state.loaded = false;
  state.loading = false; // a page still on its way for the old filters is dropped when it lands
  state.selected.clear();
  renderBulk();
  $('items').replaceChildren();
  renderListState();
  const generation = state.generation;
  await loadMore();
  if (generation !== state.generation) {
    return;
  }
  state.loaded = true;
  renderListState();
  const early = state.earlyChanges.splice(0);
  early.forEach(handleChange);
  if (state.items.length > 0 && (!state.current || !state.rows.has(state.current))) {
    select(state.items[0].commentId, {focus: focusFirst && document.activeElement === document.body});
  } else if (state.rows.has(state.current)) {
    state.currentIndex = state.items.findIndex(item => item.commentId === state.current);
  } else if (state.items.length === 0) {
    clearDetail();
  }
}

async function loadMore() {
  if (state.loading || state.exhausted) {
    return;
  }
  state.loading = true;
  const generation = state.generation;
  renderListState();
  try {
    const params = queueParams(state.filters);
    params.set('limit', String(PAGE_SIZE));
    if (state.next) {
      params.set('cursor', state.next);
    }
    const page = await request('GET', `/api/v1/queue?${params}`);
    if (generation !== state.generation) {
      return;
    }
    for (const item of page.items) {
      if (!state.rows.has(item.commentId)) {
        addItem(item, {top: false});
      }
    }
    state.next = page.next;
    state.exhausted = !page.next;
  } catch (error) {
    if (generation === state.generation) {
      problem(error, 'The queue could not be loaded');
      state.exhausted = true;
    }
  } finally {
    if (generation === state.generation) {
      state.loading = false;
      renderListState();
    }
  }
}

function addItem(item, {top, fresh = false}) {
  const row = itemRow(item, fresh);
  state.rows.set(item.commentId, row);
  if (top) {
    state.items.unshift(item);
    $('items').prepend(row);
    if (state.current && !state.rows.has(state.current)) {
      state.currentIndex++;
    }
  } else {
    state.items.push(item);
    $('items').append(row);
  }
  renderListState();
}

function removeItem(commentId) {
  const index = state.items.findIndex(item => item.commentId === commentId);
  if (index < 0) {
    return;
  }
  if (commentId === state.current) {
    state.currentIndex = index;
  } else if (state.current && !state.rows.has(state.current) && index < state.currentIndex) {
    state.currentIndex--;
  }
  state.items.splice(index, 1);
  state.rows.get(commentId)?.remove();
  state.rows.delete(commentId);
  state.selected.delete(commentId);
  renderListState();
  renderBulk();
}

function itemRow(item, fresh) {
  const checkbox = el('input', {type: 'checkbox', class: 'item-select',
    'aria-label': `Select the comment by ${item.authorName || item.authorId} for a bulk decision`});
  checkbox.checked = state.selected.has(item.commentId);
  checkbox.addEventListener('change', () => toggleSelected(item.commentId, checkbox.checked));
  const open = el('button', {type: 'button', class: 'item-open'},
    el('span', {class: 'item-meta'}, el('strong', {}, item.authorName || item.authorId), ' · ',
      item.threadTitle || item.threadId, ' · ', time(item.receivedAt || item.postedAt)),
    el('span', {class: 'item-reasons'}, reasonBadges(item.reasons)),
    el('span', {class: 'item-text'}, excerpt(item.text, 180)),
    item.claim ? el('span', {class: 'item-claim'}, `claimed by ${item.claim.by}`) : null);
  open.addEventListener('click', () => select(item.commentId, {focus: false}));
  const row = el('li', {class: fresh ? 'item fresh' : 'item', 'data-id': item.commentId}, checkbox, open);
  if (item.commentId === state.current) {
    row.classList.add('current');
    row.setAttribute('aria-current', 'true');
  }
  return row;
}

function reasonBadges(reasons) {
  const seen = new Map();
  for (const reason of reasons || []) {
    const name = category(reason);
    seen.set(name, Math.max(seen.get(name) ?? 0, reason.severity ?? 0));
  }
  return [...seen].map(([name, severity]) =>
    el('span', {class: `badge cat-${name}`, title: `${name}, severity ${severity}`}, `${name} ${severity}`));
}

function renderListState() {
  const count = state.items.length;
  $('count').textContent = `(${count}${state.exhausted || !state.loaded ? '' : '+'})`;
  $('empty').hidden = !state.loaded || state.loading || count > 0;
  const more = $('more');
  more.hidden = state.exhausted || !state.loaded;
  more.disabled = state.loading;
  more.textContent = state.loading ? 'Loading…' : 'Load more';
}

function select(commentId, {focus}) {
  const previous = state.rows.get(state.current);
  previous?.classList.remove('current');
  previous?.removeAttribute('aria-current');
  state.current = commentId;
  const row = state.rows.get(commentId);
  if (row) {
    state.currentIndex = state.items.findIndex(item => item.commentId === commentId);
    row.classList.add('current');
    row.setAttribute('aria-current', 'true');
    row.classList.remove('fresh');
    if (focus) {
      row.querySelector('.item-open').focus();
    }
    row.scrollIntoView({block: 'nearest'});
  }
  loadDetail(commentId);
}

async function move(delta) {
  if (state.items.length === 0) {
    return;
  }
  let index;
  if (state.rows.has(state.current)) {
    index = state.currentIndex + delta;
  } else {
    // the open comment left the list: the one that took its place is "next"
    index = delta > 0 ? state.currentIndex : state.currentIndex - 1;
  }
  if (index >= state.items.length && !state.exhausted) {
    await loadMore();
  }
  index = Math.max(0, Math.min(index, state.items.length - 1));
  select(state.items[index].commentId, {focus: true});
}

function toggleSelected(commentId, on) {
  if (on) {
    state.selected.add(commentId);
  } else {
    state.selected.delete(commentId);
  }
  const checkbox = state.rows.get(commentId)?.querySelector('.item-select');
  if (checkbox) {
    checkbox.checked = on;
  }
  renderBulk();
}

function renderBulk() {
  const count = state.selected.size;
  $('bulk').hidden = count === 0;
  $('bulk-count').textContent = `${count} selected`;
}

// ---------------------------------------------------------------------------------------------- detail

function clearDetail() {
  state.current = null;
  state.detail = null;
  $('detail-body').hidden = true;
  $('detail-empty').hidden = false;
  delete $('detail-body').dataset.commentId;
}

async function loadDetail(commentId) {
  state.detailAbort?.abort();
  const controller = new AbortController();
  state.detailAbort = controller;
  $('detail').setAttribute('aria-busy', 'true');
  try {
    const detail = await request('GET', `/api/v1/comments/${encodeURIComponent(commentId)}`, undefined,
      {signal: controller.signal});
    const author = await request('GET', `/api/v1/authors/${encodeURIComponent(detail.authorId)}`, undefined,
      {signal: controller.signal}).catch(() => null);
    if (state.current !== commentId) {
      return;
    }
    renderDetail(detail, author);
  } catch (error) {
    if (error.name !== 'AbortError' && state.current === commentId) {
      problem(error, 'The comment could not be loaded');
    }
  } finally {
    if (state.detailAbort === controller) {
      $('detail').removeAttribute('aria-busy');
    }
  }
}

function renderDetail(detail, author) {
  const sameComment = state.detail?.commentId === detail.commentId;
  state.detail = detail;
  const body = $('detail-body');
  body.dataset.commentId = detail.commentId;
  $('detail-empty').hidden = true;
  body.hidden = false;
  if (!sameComment) {
    hideConflict();
    $('detail-notice').hidden = true;
  }
  const item = state.items.find(i => i.commentId === detail.commentId);
  const claim = item?.claim;
  fill($('detail-meta'),
    link(detail.threadUrl, detail.threadTitle || detail.threadId), ' · ', detail.siteId, ' · ',
    el('span', {class: `state state-${String(detail.status).toLowerCase()}`}, detail.status),
    ` · score ${detail.score} · `, time(detail.postedAt), ` · version ${detail.version}`,
    claim ? ` · claimed by ${claim.by} until ` : '', claim ? time(claim.until) : '');

  fill($('ancestors'), (detail.ancestors || []).map(a => el('li', {class: 'ancestor'},
    el('p', {class: 'ancestor-meta'}, el('strong', {}, a.authorName || ''), ' · ', a.status, ' · ', time(a.postedAt)),
    el('p', {class: 'ancestor-text'}, a.text))));

  const text = $('comment-text');
  fill(text, highlighted(detail.text, detail.reasons));
  fill($('reasons'), (detail.reasons || []).map(r => el('li', {},
    el('span', {class: `badge cat-${category(r)}`}, category(r)), ` severity ${r.severity} · `,
    el('code', {}, r.ruleId), ' · “', detail.text.slice(r.start, r.end), '”')));
  if (!detail.reasons || detail.reasons.length === 0) {
    $('reasons').append(el('li', {}, detail.status === 'PENDING'
      ? 'No rule matched: held by the author’s standing.' : 'No rule matched.'));
  }

  const summary = author?.summary;
  fill($('author'), summary
    ? [el('strong', {}, summary.name || detail.authorName || detail.authorId), ` (${detail.authorId}) · `,
      el('span', {class: `standing standing-${String(summary.status).toLowerCase()}`}, summary.status),
      ` · ${summary.seen} seen · ${summary.approved} approved · ${summary.pending} pending · ${summary.hidden} hidden`]
    : [el('strong', {}, detail.authorName || detail.authorId), ` (${detail.authorId})`]);

  fill($('history'), (detail.history || []).map(h => el('li', {},
    time(h.at), ' · ', el('strong', {}, h.by), ' · ', h.status,
    h.reason ? ` · “${h.reason}”` : '', h.ruleSetVersion ? ` · rules ${h.ruleSetVersion}` : '')));

  const siblings = detail.siblings || [];
  $('siblings-box').hidden = siblings.length === 0;
  fill($('siblings'), siblings.map(s => el('li', {},
    el('p', {class: 'ancestor-meta'}, el('strong', {}, s.authorName || ''), ' · ', s.status, ' · ', time(s.postedAt)),
    el('p', {class: 'ancestor-text'}, s.text))));

  $('release').hidden = !(claim && claim.by === state.me.username);
}

function notice(text) {
  const element = $('detail-notice');
  element.textContent = text;
  element.hidden = false;
}

// ---------------------------------------------------------------------------------------------- decisions

async function decide(action, reason, version) {
  const detail = state.detail;
  if (!detail || state.deciding || $('detail-body').hidden) {
    return;
  }
  state.deciding = true;
  setActionsDisabled(true);
  try {
    const result = await request('POST', `/api/v1/comments/${encodeURIComponent(detail.commentId)}/decision`,
      {action, reason: reason || undefined, version: version ?? detail.version});
    state.decidedHere.add(detail.commentId);
    say(`${action === 'APPROVE' ? 'Approved' : 'Hidden'}: “${excerpt(detail.text, 60)}” (version ${result.version}).`);
    afterDecision(detail.commentId);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && error.problem?.current) {
      showConflict(action, reason, error.problem.current);
    } else {
      problem(error, 'The decision was not recorded');
    }
  } finally {
    state.deciding = false;
    setActionsDisabled(false);
  }
}

/** The decided comment leaves the list and the next one opens, so the next keystroke acts on it. */
function afterDecision(commentId) {
  const listed = state.rows.has(commentId);
  const hadFocus = $('detail').contains(document.activeElement) || $('items').contains(document.activeElement)
    || document.activeElement === document.body;
  if (listed) {
    removeItem(commentId);
  }
  if (state.items.length === 0) {
    clearDetail();
    return;
  }
  const index = Math.min(state.currentIndex, state.items.length - 1);
  select(state.items[index].commentId, {focus: hadFocus});
}

function showConflict(action, reason, current) {
  const verb = action === 'APPROVE' ? 'approve' : 'hide';
  const again = el('button', {type: 'button', class: action === 'APPROVE' ? 'approve' : 'hide'},
    `${action === 'APPROVE' ? 'Approve' : 'Hide'} anyway`);
  again.addEventListener('click', () => decide(action, reason, current.version));
  const moveOn = el('button', {type: 'button'}, 'Leave it and go to the next (j)');
  moveOn.addEventListener('click', () => move(1));
  fill($('conflict'),
    el('p', {}, el('strong', {}, 'Someone else decided first.'), ` Your ${verb} was not applied.`),
    el('p', {class: 'conflict-current'}, 'It is now ',
      el('strong', {class: `state state-${String(current.status).toLowerCase()}`}, current.status),
      current.decidedBy ? [' by ', el('strong', {class: 'decided-by'}, current.decidedBy)] : '',
      current.decidedAt ? [' at ', time(current.decidedAt)] : '', ` (version ${current.version}).`),
    el('p', {class: 'row'}, again, moveOn));
  $('conflict').hidden = false;
  if (current.status !== state.filters.status) {
    removeItem(current.commentId);
  }
}

function hideConflict() {
  $('conflict').hidden = true;
  $('conflict').replaceChildren();
}

function setActionsDisabled(disabled) {
  for (const id of ['approve', 'hide', 'release', 'bulk-approve', 'bulk-hide']) {
    $(id).disabled = disabled;
  }
}

let hideThen = null;

/** Asks for an optional reason, then calls then(reason); Escape or Cancel drops it. */
function askHideReason(then) {
  hideThen = then;
  $('hide-reason').value = '';
  $('hide-dialog').showModal();
  $('hide-reason').focus();
}

function confirmHide(event) {
  event.preventDefault();
  const reason = $('hide-reason').value.trim();
  const then = hideThen;
  hideThen = null;
  $('hide-dialog').close();
  then?.(reason);
}

async function bulk(action, reason) {
  const ids = [...state.selected];
  if (ids.length === 0 || state.deciding) {
    return;
  }
  state.deciding = true;
  setActionsDisabled(true);
  try {
    const results = await request('POST', '/api/v1/decisions/bulk', {ids, action, reason: reason || undefined});
    const counts = {APPLIED: 0, UNCHANGED: 0, CONFLICT: 0, NOT_FOUND: 0};
    for (const result of results) {
      counts[result.result] = (counts[result.result] ?? 0) + 1;
      state.decidedHere.add(result.commentId);
      state.selected.delete(result.commentId);
      if (!result.state || result.state.status !== state.filters.status) {
        const wasCurrent = result.commentId === state.current;
        removeItem(result.commentId);
        if (wasCurrent) {
          afterDecision(result.commentId);
        }
      }
    }
    const verb = action === 'APPROVE' ? 'approved' : 'hidden';
    say(`${counts.APPLIED} ${verb}, ${counts.UNCHANGED} already so, ${counts.CONFLICT} decided by someone else `
      + `first, ${counts.NOT_FOUND} not found.`);
    renderBulk();
    state.rows.forEach(row => {
      row.querySelector('.item-select').checked = state.selected.has(row.dataset.id);
    });
  } catch (error) {
    problem(error, 'The bulk decision failed');
  } finally {
    state.deciding = false;
    setActionsDisabled(false);
  }
}

async function claimBatch() {
  const filters = state.filters;
  const body = {limit: CLAIM_BATCH, sort: filters.sort};
  for (const name of ['siteId', 'threadId', 'category']) {
    if (filters[name]) {
      body[name] = filters[name];
    }
  }
  if (filters.minSeverity) {
    body.minSeverity = Number(filters.minSeverity);
  }
  try {
    const {items} = await request('POST', '/api/v1/queue/claim', body);
    if (items.length === 0) {
      say('Nothing left to claim with these filters.');
      return;
    }
    say(`Claimed ${items.length} comments; others won’t be handed them while your claim lasts.`);
    $('filters').elements.namedItem('mine').checked = true;
    applyFilters();
  } catch (error) {
    problem(error, 'Could not claim comments');
  }
}

async function releaseClaim() {
  const detail = state.detail;
  if (!detail) {
    return;
  }
  try {
    await request('DELETE', `/api/v1/claims/${encodeURIComponent(detail.commentId)}`);
    say('Claim released.');
    const item = state.items.find(i => i.commentId === detail.commentId);
    if (state.filters.mine) {
      afterDecision(detail.commentId);
    } else if (item) {
      item.claim = null;
      const row = itemRow(item, false);
      state.rows.get(item.commentId).replaceWith(row);
      state.rows.set(item.commentId, row);
      $('release').hidden = true;
    }
  } catch (error) {
    problem(error, 'Could not release the claim');
  }
}

// ---------------------------------------------------------------------------------------------- live

function connectStream() {
  stopStream();
  const controller = new AbortController();
  state.streamAbort = controller;
  let delay = 1000;
  let reconnecting = false;
  (async () => {
    while (!controller.signal.aborted) {
      setLive(reconnecting ? 'Reconnecting…' : 'Connecting…', false);
      try {
        await stream('/api/v1/queue/stream', {
          signal: controller.signal,
          onOpen: () => {
            setLive('Live', true);
            delay = 1000;
            if (reconnecting) {
              catchUp();
            }
          },
          onEvent: event => handleEvent(event),
        });
      } catch (error) {
        if (controller.signal.aborted || (error instanceof ApiError && error.status === 401)) {
          return;
        }
      }
      if (controller.signal.aborted) {
        return;
      }
      reconnecting = true;
      setLive('Offline, reconnecting…', false);
      await new Promise(resolve => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 15000);
    }
  })();
}

function stopStream() {
  state.streamAbort?.abort();
  state.streamAbort = null;
}

function setLive(text, live) {
  $('live').textContent = text;
  $('live').classList.toggle('on', live);
}

function handleEvent(event) {
  let change;
  try {
    change = JSON.parse(event.data);
  } catch {
    return;
  }
  change.type = event.type;
  if (!state.loaded) {
    state.earlyChanges.push(change);
  } else {
    handleChange(change);
  }
}

function handleChange(change) {
  if (change.type === 'ENTERED') {
    entered(change);
  } else if (change.type === 'LEFT') {
    left(change);
  }
}

/** Live additions apply to the view they belong in: pending comments, not only my claims. */
async function entered(change) {
  const filters = state.filters;
  if (filters.status !== 'PENDING' || filters.mine || state.rows.has(change.commentId)
      || (filters.siteId && filters.siteId !== change.siteId)
      || (filters.threadId && filters.threadId !== change.threadId)
      || (filters.sort === 'oldest' && !state.exhausted)) {
    return; // with sort=oldest a new comment belongs at the end, and paging brings it
  }
  const generation = state.generation;
  try {
    const detail = await request('GET', `/api/v1/comments/${encodeURIComponent(change.commentId)}`);
    if (generation !== state.generation || state.rows.has(detail.commentId) || detail.status !== 'PENDING'
        || !matchesReasons(detail.reasons, filters)) {
      return;
    }
    const item = {...detail, claim: null};
    addItem(item, {top: filters.sort !== 'oldest', fresh: true});
    say(`New comment held in “${detail.threadTitle || detail.threadId}”.`);
    if (!state.current) {
      select(detail.commentId, {focus: false});
    }
  } catch {
    // it may have been decided already; the next reload shows the truth
  }
}

function matchesReasons(reasons, filters) {
  const list = reasons || [];
  if (filters.category && !list.some(r => String(r.category).toUpperCase() === filters.category)) {
    return false;
  }
  return !filters.minSeverity || list.some(r => r.severity >= Number(filters.minSeverity));
}

function left(change) {
  if (change.status === state.filters.status) {
    return;
  }
  removeItem(change.commentId);
  if (change.commentId === state.current && !state.decidedHere.has(change.commentId)
      && change.decidedBy !== state.me?.username) {
    notice(`Decided meanwhile: ${change.status}${change.decidedBy ? ` by ${change.decidedBy}` : ''}. `
      + 'Press j for the next comment.');
  }
}

/** After a reconnect: what arrived meanwhile is on the first page. */
async function catchUp() {
  const generation = state.generation;
  try {
    const params = queueParams(state.filters);
    params.set('limit', String(PAGE_SIZE));
    const page = await request('GET', `/api/v1/queue?${params}`);
    if (generation !== state.generation) {
      return;
    }
    page.items.filter(item => !state.rows.has(item.commentId)).reverse()
      .forEach(item => addItem(item, {top: true, fresh: true}));
  } catch {
    // the stream's next reconnect tries again
  }
}

// ---------------------------------------------------------------------------------------------- rule tester

async function testRules(event) {
  event.preventDefault();
  const form = new FormData($('rule-test-form'));
  const text = String(form.get('text') || '');
  const result = $('rule-test-result');
  if (!text.trim()) {
    fill(result, el('p', {class: 'error'}, 'Enter a text to test.'));
    return;
  }
  const body = {text};
  const rulesetId = String(form.get('rulesetId') || '').trim();
  const version = String(form.get('version') || '').trim();
  if (rulesetId) {
    body.rulesetId = rulesetId;
  }
  if (version) {
    body.version = Number(version);
  }
  fill(result, el('p', {}, 'Testing…'));
  try {
    const verdict = await request('POST', '/api/v1/rules/test', body);
    const matches = verdict.matches || [];
    fill(result,
      el('p', {class: 'verdict'}, el('strong', {class: `decision decision-${String(verdict.decision).toLowerCase()}`},
        verdict.decision), ` · score ${verdict.score} · rules ${verdict.ruleSetVersion}`),
      el('blockquote', {class: 'comment-text rule-test-text', 'aria-label': 'Tested text'}, highlighted(text, matches)),
      matches.length === 0 ? el('p', {}, 'No rule matched.') : el('ul', {class: 'reasons'}, matches.map(m => el('li', {},
        el('span', {class: `badge cat-${category(m)}`}, category(m)), ` severity ${m.severity} · `,
        el('code', {}, m.ruleId), ' · “', m.text ?? text.slice(m.start, m.end), '”'))));
  } catch (error) {
    fill(result, el('p', {class: 'error'}, errorText(error, 'The text could not be tested')));
  }
}

// ---------------------------------------------------------------------------------------------- messages

function say(text) {
  const status = $('status');
  status.classList.remove('error');
  status.textContent = text;
}

function problem(error, what) {
  if (error instanceof ApiError && error.status === 401) {
    return; // onUnauthorized shows the sign-in form
  }
  const status = $('status');
  status.classList.add('error');
  status.textContent = errorText(error, what);
}

function errorText(error, what) {
  if (error instanceof ApiError) {
    const fields = (error.problem?.errors || []).map(e => `${e.field}: ${e.reason}`).join('; ');
    return `${what}: ${error.message}${fields ? ` (${fields})` : ''}`;
  }
  return `${what}: ${error.message}`;
}

function excerpt(text, length) {
  const flat = String(text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

// ---------------------------------------------------------------------------------------------- keyboard

function onKey(event) {
  if ($('app').hidden || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) {
    return;
  }
  if (document.querySelector('dialog[open]')) {
    return;
  }
  const target = event.target;
  const typing = target instanceof Element && target.closest('textarea, select, [contenteditable], input')
    && !(target instanceof HTMLInputElement && target.type === 'checkbox');
  if (typing) {
    if (event.key === 'Escape') {
      target.blur();
    }
    return;
  }
  switch (event.key) {
    case 'j':
      move(1);
      break;
    case 'k':
      move(-1);
      break;
    case 'a':
      decide('APPROVE');
      break;
    case 'h':
      if (state.detail && !$('detail-body').hidden) {
        askHideReason(reason => decide('HIDE', reason));
      }
      break;
    case 'x':
      if (state.rows.has(state.current)) {
        toggleSelected(state.current, !state.selected.has(state.current));
      }
      break;
    case 'r':
      reload({focusFirst: false});
      break;
    case '?':
      $('help').showModal();
      break;
    default:
      return;
  }
  event.preventDefault();
}

// ---------------------------------------------------------------------------------------------- wiring

function wire() {
  $('signin-form').addEventListener('submit', submitSignIn);
  $('filters').addEventListener('submit', applyFilters);
  $('signout').addEventListener('click', () => {
    signOut();
    clearDetail();
    showSignIn('Signed out.');
  });
  $('show-help').addEventListener('click', () => $('help').showModal());
  $('claim').addEventListener('click', claimBatch);
  $('approve').addEventListener('click', () => decide('APPROVE'));
  $('hide').addEventListener('click', () => askHideReason(reason => decide('HIDE', reason)));
  $('release').addEventListener('click', releaseClaim);
  $('bulk-approve').addEventListener('click', () => bulk('APPROVE'));
  $('bulk-hide').addEventListener('click', () => askHideReason(reason => bulk('HIDE', reason)));
  $('bulk-clear').addEventListener('click', () => {
    [...state.selected].forEach(id => toggleSelected(id, false));
  });
  $('hide-form').addEventListener('submit', confirmHide);
  $('hide-cancel').addEventListener('click', () => $('hide-dialog').close());
  $('more').addEventListener('click', loadMore);
  $('rule-test-form').addEventListener('submit', testRules);
  document.addEventListener('keydown', onKey);
  // infinite scroll: the "Load more" button doubles as the sentinel, and stays for keyboard users
  new IntersectionObserver(entries => {
    if (entries.some(entry => entry.isIntersecting) && state.loaded && !state.loading) {
      loadMore();
    }
  }).observe($('more'));
  onUnauthorized(() => {
    clearDetail();
    showSignIn('The service no longer accepts your sign-in; please sign in again.');
  });
}

async function init() {
  wire();
  if (!signedIn()) {
    showSignIn();
    return;
  }
  try {
    state.me = await request('GET', '/api/v1/me');
    start();
  } catch (error) {
    signOut();
    showSignIn(error instanceof ApiError && error.status === 401 ? '' : signInProblem(error));
  }
}

init();
