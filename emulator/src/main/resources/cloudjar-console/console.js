// CloudJar console: hash routes, one view per service, reading /_cloudjar/api/*. Data is always
// inserted as text (never as HTML), so a message body or an object key cannot script the page.
const API = '/_cloudjar/api/';
const main = document.getElementById('main');
const statusLine = document.getElementById('status');
let flowWatch = null; // aborts the flow's pending long poll when another view opens
let onFlow = false; // whether the flow view is the one shown
const flow = { last: 0, hops: [], open: null };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    if (k === 'text') node.textContent = v;
    else if (k === 'onclick') node.addEventListener('click', v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c ?? '')));
  return node;
}
const link = (href, text) => el('a', { href }, text);
const pre = (value) => el('pre', {}, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
const enc = encodeURIComponent;

async function get(path, signal = undefined) {
  const response = await fetch(API + path, { headers: { Accept: 'application/json' }, signal });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error((response.headers.get('x-amzn-ErrorType') || response.status) + ': ' + (body.message || ''));
  return body;
}

// The console's only writes: each is a JSON POST the attendee asked for (a page of another origin
// cannot send one, see docs/security.md).
async function post(path, body) {
  const response = await fetch(API + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error((response.headers.get('x-amzn-ErrorType') || response.status) + ': ' + (answer.message || ''));
  return answer;
}

function table(headers, rows) {
  const t = el('table', {}, el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))));
  const body = el('tbody');
  for (const row of rows) body.append(el('tr', {}, ...row.map((c) => el('td', {}, c))));
  if (rows.length === 0) body.append(el('tr', {}, el('td', { colspan: headers.length, class: 'muted' }, 'None yet.')));
  t.append(body);
  return t;
}

function show(title, ...content) {
  main.replaceChildren(el('h1', {}, title), ...content);
}

const when = (t) => (t ? new Date(typeof t === 'number' ? t : Date.parse(t)).toLocaleString() : '');

// ---------------------------------------------------------------- flow

// One request at a time: the server holds it until a hop arrives (wait=20 s at most), and the page
// asks again at most twice a second, so a busy pipeline costs a watching page two requests a second.
async function pollFlow(wait = 0, signal = undefined) {
  const page = await get('flow?newest=true&limit=500&payloads=false&since=' + flow.last + '&wait=' + wait, signal);
  const reset = flow.resets !== undefined && page.resets !== flow.resets;
  flow.resets = page.resets;
  if (reset) { flow.hops = []; flow.last = 0; await pollFlow(0, signal); if (onFlow) renderFlow(); return; }
  for (const hop of page.hops) {
    flow.hops.push(hop);
    // an invocation that ended after its writes arrived claims them (their hops are already here)
    for (const id of hop.effects || []) {
      const effect = findHop(id);
      if (effect) { effect.cause = hop.id; effect.causeInferred = true; }
    }
  }
  if (flow.hops.length > page.capacity) flow.hops.splice(0, flow.hops.length - page.capacity);
  const grew = page.hops.length > 0;
  flow.last = page.hops.length ? page.hops[page.hops.length - 1].id : page.last;
  if (grew && onFlow) renderFlow();
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function watchFlow(watch) {
  while (!watch.signal.aborted) {
    const started = Date.now();
    try {
      await pollFlow(20, watch.signal);
      statusLine.textContent = '';
    } catch (e) {
      if (watch.signal.aborted) return;
      statusLine.textContent = 'flow: ' + e.message;
      await sleep(2000);
    }
    await sleep(Math.max(0, 500 - (Date.now() - started)));
  }
}

function findHop(id) {
  let lo = 0; let hi = flow.hops.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = flow.hops[mid].id;
    if (at === id) return flow.hops[mid];
    if (at < id) lo = mid + 1; else hi = mid - 1;
  }
  return null;
}

function openHop(id) {
  flow.open = id; renderFlow();
  const target = document.querySelector('[data-hop="' + id + '"]');
  if (target) { target.focus(); target.scrollIntoView({ block: 'center' }); }
}

// The flow list carries no payloads (cheap to watch); an opened hop fetches its own.
async function loadPayload(hop) {
  try {
    hop.payload = (await get('flow/hop?id=' + hop.id)).payload;
  } catch (e) {
    hop.payload = 'Not available: ' + e.message;
  }
  if (onFlow && flow.open === hop.id) renderFlow();
}

function renderFlow() {
  const list = el('ol', { class: 'hops', id: 'hops' });
  // newest last, as the pipeline ran; render only the newest 500 so first paint stays fast
  const shown = flow.hops.slice(-500);
  const ledTo = new Map();
  for (const hop of shown) {
    if (hop.cause) { if (!ledTo.has(hop.cause)) ledTo.set(hop.cause, []); ledTo.get(hop.cause).push(hop.id); }
  }
  // a run of identical hops with the same cause (a stream append per written item) is one line with
  // a count; a hop that caused another keeps its own line, so every cause can be opened
  const runs = [];
  for (const hop of shown) {
    const run = runs[runs.length - 1];
    if (run && run.hop.title === hop.title && run.hop.service === hop.service && run.hop.cause === hop.cause
        && !ledTo.has(run.hop.id) && flow.open !== run.hop.id) { run.count++; run.hop = hop; }
    else runs.push({ hop, count: 1 });
  }
  for (const { hop, count } of runs) {
    const open = flow.open === hop.id;
    const button = el('button', { type: 'button', 'aria-expanded': String(open), 'data-hop': hop.id,
      onclick: () => { flow.open = open ? null : hop.id; renderFlow(); } },
      el('span', { class: 'muted' }, '#' + hop.id), el('span', { class: 'svc svc-' + hop.service }, hop.service),
      el('span', {}, hop.title + (count > 1 ? ' (×' + count + ', the last shown)' : '')),
      el('span', { class: 'muted' }, new Date(hop.time).toLocaleTimeString()));
    const item = el('li', { id: 'hop-' + hop.id }, button);
    if (open) {
      if (hop.cause) {
        item.append(el('p', {}, 'Caused by ', el('button', { type: 'button', class: 'cause', onclick: () => openHop(hop.cause) }, '#' + hop.cause),
          hop.causeInferred ? el('span', { class: 'muted' }, ' (inferred: that invocation was running when this happened)') : ''));
      }
      const effects = ledTo.get(hop.id) || [];
      if (effects.length) {
        item.append(el('p', {}, 'Led to ', ...effects.slice(0, 30).flatMap((id) => [el('button', { type: 'button', class: 'effect',
          onclick: () => openHop(id) }, '#' + id), ' ']), effects.length > 30 ? '… (' + effects.length + ')' : ''));
      }
      item.append(hop.payload === undefined ? el('p', { class: 'muted' }, 'Loading the payload…') : pre(hop.payload));
      if (hop.payload === undefined && !hop.loading) { hop.loading = true; loadPayload(hop); }
    }
    list.append(item);
  }
  const note = el('p', { class: 'muted' }, flow.hops.length + ' hops (the newest ' + shown.length + ' shown; '
    + 'CloudJar keeps the last 10,000). Click a hop to see its payload and what caused it.');
  show('Flow', note, list);
}

// ---------------------------------------------------------------- views

async function outbox() {
  const { messages } = await get('outbox');
  const list = messages.slice().reverse().map((m) => {
    const body = el('div', { class: 'body' });
    let last = 0;
    const urls = /https?:\/\/[^\s"'<>]+/g;
    for (const match of m.body.matchAll(urls)) {
      body.append(m.body.slice(last, match.index), link(match[0], match[0]));
      last = match.index + match[0].length;
    }
    body.append(m.body.slice(last));
    return el('article', { class: 'message' }, el('h2', {}, m.subject || '(' + m.protocol + ', no subject)'),
      el('p', { class: 'muted' }, m.protocol + ' to ' + m.recipient + ' · ' + when(m.time) + (m.topic ? ' · topic ' + m.topic : '')), body);
  });
  show('Outbox', el('p', { class: 'muted' }, messages.length + ' messages SNS sent by email or SMS, newest first.'),
    ...(list.length ? list : [el('p', {}, 'No messages yet.')]));
}

async function s3(bucket, params) {
  if (!bucket) {
    const { buckets } = await get('s3/buckets');
    show('S3 buckets', table(['Bucket', 'Region', 'Created'], buckets.map((b) => [link('#/s3/' + enc(b.name), b.name), b.region, when(b.created)])));
    return;
  }
  const key = params.get('key');
  if (key) {
    const o = await get('s3/object?bucket=' + enc(bucket) + '&key=' + enc(key));
    const { versions, ...metadata } = o;
    show('s3://' + bucket + '/' + key, el('p', {}, o.deleted ? el('span', { class: 'muted' }, 'Deleted: the current version is a delete marker')
      : link(o.download, 'Download'), ' · ', link('#/s3/' + enc(bucket), 'back to ' + bucket)),
    ...(versions ? [el('h2', {}, 'Versions (newest first)'), table(['Version id', 'Last modified', 'Size', 'Current', ''],
      versions.map((v) => [v.versionId, when(v.lastModified), v.deleteMarker ? 'delete marker' : String(v.size), v.latest ? 'current' : '',
        v.deleteMarker ? '' : el('a', { href: v.download, 'aria-label': 'Download version ' + v.versionId }, 'download')])),
    o.versionsTruncated ? el('p', { class: 'muted' }, 'The newest 1,000 versions shown.') : ''] : []),
    ...(o.deleted ? [] : [el('h2', {}, 'Metadata'), pre(metadata)]));
    return;
  }
  const prefix = params.get('prefix') || '';
  const page = await get('s3/objects?bucket=' + enc(bucket) + '&prefix=' + enc(prefix));
  const rows = page.prefixes.map((p) => [link('#/s3/' + enc(bucket) + '?prefix=' + enc(p), p), '', '', ''])
    .concat(page.objects.map((o) => [link('#/s3/' + enc(bucket) + '?key=' + enc(o.key), o.key), String(o.size), when(o.lastModified), link(o.download, 'download')]))
    .concat(page.deleted.map((o) => [link('#/s3/' + enc(bucket) + '?key=' + enc(o.key), o.key), 'deleted (delete marker)', when(o.lastModified), '']));
  show('s3://' + bucket + '/' + prefix, el('p', { class: 'crumbs' }, link('#/s3', 'All buckets'), ...(prefix ? [' · ', link('#/s3/' + enc(bucket), bucket)] : [])),
    page.versioning ? el('p', {}, 'Versioning: ' + page.versioning + '. Open a key to see its versions.') : '',
    table(['Key or prefix', 'Size', 'Last modified', ''], rows), page.truncated ? el('p', { class: 'muted' }, 'First 1,000 keys shown.') : '');
}

async function dynamodb(name, params) {
  if (!name) {
    const { tables } = await get('dynamodb/tables');
    show('DynamoDB tables', table(['Table', 'Status', 'Items'], tables.map((t) => [link('#/dynamodb/' + enc(t.name), t.name), t.status, String(t.itemCount)])));
    return;
  }
  const query = new URLSearchParams();
  for (const k of ['pk', 'op', 'sk', 'sk2', 'index']) if (params.get(k)) query.set(k, params.get(k));
  const start = params.get('start');
  const [t, page] = await Promise.all([get('dynamodb/table?name=' + enc(name)),
    get('dynamodb/items?name=' + enc(name) + '&limit=25' + (query.toString() ? '&' + query : '') + (start ? '&start=' + enc(start) : ''))]);
  const keys = [t.key.hashName, t.key.rangeName].filter(Boolean);
  const rows = page.items.map((item) => [...keys.map((k) => JSON.stringify(Object.values(item[k] || {})[0] ?? '')), pre(item)]);
  const here = '#/dynamodb/' + enc(name);
  const next = new URLSearchParams(query);
  if (page.next) next.set('start', page.next);
  show('Table ' + name, el('p', { class: 'crumbs' }, link('#/dynamodb', 'All tables')),
    el('h2', {}, 'Schema'), pre({ key: t.key, attributeDefinitions: t.attributeDefinitions, globalIndexes: t.globalIndexes,
      localIndexes: t.localIndexes, stream: t.stream, itemCount: t.itemCount, billingMode: t.billingMode }),
    queryForm(name, t, params),
    el('h2', {}, page.read === 'Query' ? 'Items (Query ' + page.keyConditionExpression + ', 25 a page)' : 'Items (Scan, 25 a page)'),
    page.read === 'Query' ? el('p', {}, link(here, 'Back to Scan')) : '',
    table([...keys, 'Item'], rows),
    page.next ? link(here + '?' + next, 'Next page') : el('p', { class: 'muted' }, 'Last page.'));
}

function field(label, control) {
  return el('label', { class: 'field' }, el('span', {}, label), control);
}

/** Query by partition key value, an optional sort key condition, on the table or one of its indexes. */
function queryForm(name, t, params) {
  const indexes = [...(t.globalIndexes || []), ...(t.localIndexes || [])];
  const index = el('select', { name: 'index', id: 'query-index' }, el('option', { value: '' }, 'the table (' + t.key.hashName + (t.key.rangeName ? ', ' + t.key.rangeName : '') + ')'),
    ...indexes.map((i) => el('option', { value: i.name }, i.name + ' (' + i.key.hashName + (i.key.rangeName ? ', ' + i.key.rangeName : '') + ')')));
  index.value = params.get('index') || '';
  const pk = el('input', { name: 'pk', id: 'query-pk', required: 'required', value: params.get('pk') || '' });
  const op = el('select', { name: 'op', id: 'query-op' }, ...['', '=', '<', '<=', '>', '>=', 'begins_with', 'between'].map((o) => el('option', { value: o }, o || 'no sort condition')));
  op.value = params.get('op') || '';
  const sk = el('input', { name: 'sk', id: 'query-sk', value: params.get('sk') || '' });
  const sk2 = el('input', { name: 'sk2', id: 'query-sk2', value: params.get('sk2') || '' });
  const form = el('form', { class: 'query', id: 'query' }, el('h2', {}, 'Query'), field('On', index), field('Partition key value', pk),
    field('Sort key', op), field('Value', sk), field('and (between)', sk2), el('button', { type: 'submit' }, 'Query'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of [['index', index.value], ['pk', pk.value], ['op', op.value], ['sk', sk.value], ['sk2', sk2.value]]) if (v) q.set(k, v);
    location.hash = '#/dynamodb/' + enc(name) + '?' + q;
  });
  return form;
}

async function kinesis(name, params) {
  if (!name) {
    const { streams } = await get('kinesis/streams');
    show('Kinesis streams', table(['Stream', 'Status', 'Mode', 'Open shards', 'Retention (hours)'],
      streams.map((s) => [link('#/kinesis/' + enc(s.name), s.name), s.status, s.mode, String(s.openShards), String(s.retentionPeriodHours)])));
    return;
  }
  const s = await get('kinesis/stream?name=' + enc(name));
  // the newest records of the shard asked for, else of the first open shard
  const shardId = params.get('shard') || (s.shards.find((sh) => sh.open) || s.shards[0] || {}).shardId;
  const page = shardId ? await get('kinesis/records?name=' + enc(name) + '&shard=' + enc(shardId)) : { records: [] };
  const here = '#/kinesis/' + enc(name);
  const { shards, ...settings } = s;
  show('Stream ' + name, el('p', { class: 'crumbs' }, link('#/kinesis', 'All streams')),
    el('h2', {}, 'Shards'), table(['Shard', 'State', 'Hash key range', 'Sequence number range', 'Parents', ''],
      shards.map((sh) => [sh.shardId, sh.open ? 'open' : 'closed',
        sh.hashKeyRange.startingHashKey + ' – ' + sh.hashKeyRange.endingHashKey,
        sh.sequenceNumberRange.startingSequenceNumber + ' – ' + (sh.sequenceNumberRange.endingSequenceNumber || '(open)'),
        [sh.parentShardId, sh.adjacentParentShardId].filter(Boolean).join(', '),
        sh.shardId === shardId ? 'shown below' : link(here + '?shard=' + enc(sh.shardId), 'newest records')])),
    el('h2', { id: 'records-heading' }, shardId ? 'Newest records of ' + shardId + ' (peeked: no iterator, no consumer moves)' : 'No shards'),
    table(['Sequence number', 'Partition key', 'Arrived', 'Size', 'Data'], page.records.map((r) => [r.sequenceNumber, r.partitionKey,
      when(r.arrived), String(r.size), r.text !== null ? pre(r.text + (r.dataTruncated ? '\n… (first 4 KiB shown)' : ''))
        : el('div', {}, el('span', { class: 'muted' }, 'base64' + (r.dataTruncated ? ', first 4 KiB' : '') + ': '), pre(r.data))])),
    el('h2', {}, 'Settings'), pre(settings));
}

async function iam(name) {
  if (!name) {
    const { roles } = await get('iam/roles');
    show('IAM roles', el('p', { class: 'muted' }, 'Policies are stored and shown, never enforced.'),
      table(['Role', 'Path', 'Attached policies', 'Inline policies', 'Created', 'Description'], roles.map((r) => [link('#/iam/' + enc(r.name), r.name),
        r.path, String(r.attachedPolicies), String(r.inlinePolicies), when(r.created), r.description || ''])));
    return;
  }
  const r = await get('iam/role?name=' + enc(name));
  const { trustPolicy, attachedPolicies, inlinePolicies, ...settings } = r;
  const policy = (title, subtitle, document) => el('section', {}, el('h3', {}, title), subtitle ? el('p', { class: 'muted' }, subtitle) : '', pre(document));
  show('Role ' + name, el('p', { class: 'crumbs' }, link('#/iam', 'All roles')),
    el('h2', {}, 'Trust policy (who may assume it)'), pre(trustPolicy),
    el('h2', {}, 'Attached policies'), ...(attachedPolicies.length ? attachedPolicies.map((p) => policy(p.policyName || p.policyArn,
      p.policyArn + (p.defaultVersionId ? ' · default version ' + p.defaultVersionId : ''), p.document ?? 'Not available.'))
      : [el('p', { class: 'muted' }, 'None.')]),
    el('h2', {}, 'Inline policies'), ...(inlinePolicies.length ? inlinePolicies.map((p) => policy(p.policyName, null, p.document))
      : [el('p', { class: 'muted' }, 'None.')]),
    el('h2', {}, 'Settings'), pre(settings));
}

async function sqs(arn) {
  if (!arn) {
    const { queues } = await get('sqs/queues');
    show('SQS queues', table(['Queue', 'Available', 'In flight', 'Delayed', 'Dead-letter queue'],
      queues.map((q) => [link('#/sqs/' + enc(q.arn), q.name), q.visible, q.inFlight, q.delayed,
        q.deadLetterTargetArn ? link('#/sqs/' + enc(q.deadLetterTargetArn), q.deadLetterTargetArn.split(':').pop()) : ''])));
    return;
  }
  const [q, { queues }] = await Promise.all([get('sqs/queue?arn=' + enc(arn)), get('sqs/queues')]);
  const name = arn.split(':').pop();
  const dlq = queues.find((other) => other.arn === arn)?.deadLetterTargetArn;
  const sources = queues.filter((other) => other.deadLetterTargetArn === arn);
  const purge = el('button', { type: 'button', class: 'danger', id: 'purge', onclick: async () => {
    if (!confirm('Delete every message in ' + name + '? This cannot be undone.')) return;
    try { await post('sqs/purge', { arn }); await route(); statusLine.textContent = 'Purged ' + name + '.'; }
    catch (e) { statusLine.textContent = 'Purge refused: ' + e.message; }
  } }, 'Purge queue…');
  show('Queue ' + name, el('p', { class: 'crumbs' }, link('#/sqs', 'All queues')),
    el('p', {}, purge),
    dlq ? el('p', {}, 'Dead-letter queue: ', link('#/sqs/' + enc(dlq), dlq.split(':').pop())) : '',
    sources.length ? el('p', {}, 'Dead-letter queue of: ', ...sources.flatMap((o) => [link('#/sqs/' + enc(o.arn), o.name), ' '])) : '',
    el('h2', {}, 'Messages (peeked: not received, visibility unchanged)'),
    table(['Message id', 'Sent', 'Receives', 'Visible', 'Body'], q.messages.map((m) => [m.messageId, when(m.sentTimestamp),
      String(m.receiveCount), m.visible ? 'yes' : 'in flight', pre(m.body)])),
    el('h2', {}, 'Attributes'), pre(q.attributes));
}

async function sns() {
  const { topics } = await get('sns/topics');
  const sections = topics.map((t) => el('section', {}, el('h2', {}, t.arn.split(':').pop()), el('p', { class: 'muted' }, t.arn),
    table(['Protocol', 'Endpoint', 'Confirmed', 'Filter policy'], t.subscriptions.map((s) => [s.protocol, s.endpoint,
      s.arn && s.arn.startsWith('arn:') ? 'yes' : 'pending', (s.attributes && s.attributes.FilterPolicy) || '']))));
  show('SNS topics', ...(sections.length ? sections : [el('p', {}, 'No topics yet.')]));
}

async function lambda(name) {
  if (!name) {
    const { functions } = await get('lambda/functions');
    show('Lambda functions', table(['Function', 'Runtime', 'Handler', 'Last modified'],
      functions.map((f) => [link('#/lambda/' + enc(f.name), f.name), f.runtime, f.handler, f.lastModified])));
    return;
  }
  const f = await get('lambda/function?name=' + enc(name));
  const invocations = f.invocations.map((hop) => el('details', { class: 'invocation' },
    el('summary', {}, new Date(hop.time).toLocaleTimeString() + '  ' + hop.title + '  ', link('#/flow', '#' + hop.id)),
    el('h3', {}, 'Event'), pre(hop.payload.event), el('h3', {}, hop.payload.functionError ? 'Error' : 'Result'), pre(hop.payload.result),
    el('h3', {}, 'Log'), pre(hop.payload.lines.join(''))));
  show('Function ' + name, el('p', { class: 'crumbs' }, link('#/lambda', 'All functions'), ' · ', link('#/logs/' + enc('/aws/lambda/' + name), 'log group')),
    invokeForm(name, f),
    el('h2', {}, 'Recent invocations'), ...(invocations.length ? invocations : [el('p', { class: 'muted' }, 'None in the flow yet.')]),
    el('h2', {}, 'Event source mappings'), table(['Source', 'State', 'Batch size', 'Last result'],
      f.mappings.map((m) => [m.eventSourceArn, m.state, String(m.batchSize ?? ''), m.lastProcessingResult || ''])),
    el('h2', {}, 'Versions'), table(['Version', 'Description', 'Code SHA-256', 'Last modified'],
      f.versions.map((v) => [v.version, v.description || '', v.codeSha256, v.lastModified])),
    el('h2', {}, 'Aliases'), table(['Alias', 'Version', 'Routing', 'Description'],
      f.aliases.map((a) => [a.name, a.functionVersion, Object.keys(a.additionalVersionWeights || {}).length ? JSON.stringify(a.additionalVersionWeights) : '', a.description || ''])),
    el('h2', {}, 'Recent log lines'), pre(f.logs.map((l) => new Date(l.timestamp).toLocaleTimeString() + '  ' + l.message).join('') || 'No invocations yet.'),
    el('h2', {}, 'Configuration'), pre(f.configuration));
}

/** Runs the function once with the event typed here (the newest event it received, or {}), only on Invoke. */
function invokeForm(name, f) {
  const last = f.invocations[0];
  const event = el('textarea', { id: 'invoke-event', rows: '8', spellcheck: 'false', 'aria-label': 'Test event (JSON)' });
  event.value = last && last.payload.event !== null && !last.payload.eventTruncatedTo ? JSON.stringify(last.payload.event, null, 2) : '{}';
  const qualifier = el('select', { id: 'invoke-qualifier' }, el('option', { value: '' }, '$LATEST'),
    ...f.versions.filter((v) => v.version !== '$LATEST').map((v) => el('option', { value: v.version }, 'version ' + v.version)),
    ...f.aliases.map((a) => el('option', { value: a.name }, 'alias ' + a.name)));
  const output = el('div', { id: 'invoke-result', role: 'status' });
  const form = el('form', { class: 'invoke', id: 'invoke' }, el('h2', {}, 'Invoke'), field('Test event (JSON)', event),
    field('Qualifier', qualifier), el('button', { type: 'submit' }, 'Invoke'), output);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    output.replaceChildren(el('p', { class: 'muted' }, 'Running…'));
    try {
      JSON.parse(event.value);
    } catch (error) {
      output.replaceChildren(el('p', { class: 'error' }, 'The test event is not JSON: ' + error.message));
      return;
    }
    try {
      const r = await post('lambda/invoke', { name, qualifier: qualifier.value || null, payload: event.value });
      output.replaceChildren(el('p', { class: r.functionError ? 'error' : 'ok' }, r.functionError ? 'Function error: ' + r.functionError
        : 'Succeeded (version ' + r.executedVersion + ')'), el('h3', {}, 'Result'), pre(r.payload ?? ''), el('h3', {}, 'Log'), pre(r.log ?? ''));
    } catch (error) {
      output.replaceChildren(el('p', { class: 'error' }, error.message));
    }
  });
  return form;
}

async function logs(group) {
  if (!group) {
    const { groups } = await get('logs/groups');
    show('CloudWatch log groups', table(['Log group', 'Stored bytes', 'Retention (days)'],
      groups.map((g) => [link('#/logs/' + enc(g.logGroupName), g.logGroupName), String(g.storedBytes), String(g.retentionInDays ?? 'never expire')])));
    return;
  }
  const { events } = await get('logs/events?group=' + enc(group));
  show('Log group ' + group, el('p', { class: 'crumbs' }, link('#/logs', 'All log groups')),
    table(['Time', 'Stream', 'Message'], events.map((e) => [when(e.timestamp), e.stream, e.message])));
}

async function apigateway() {
  const apis = await get('apigateway/apis');
  const keys = (o) => Object.keys(o || {}).join(', ');
  const details = (api) => el('details', {}, el('summary', {}, 'JSON'), pre(api));
  show('API Gateway',
    el('h2', {}, 'REST APIs'), table(['Name', 'Id', 'Stages', 'Invoke URL', ''], apis.rest.map((a) => [a.name, a.id, keys(a.stages),
      a.invokeUrl + '/<stage>/', details(a)])),
    el('h2', {}, 'HTTP APIs'), table(['Name', 'Id', 'Routes', 'Stages', 'Invoke URL', ''], apis.http.map((a) => [a.name, a.apiId,
      Object.values(a.routes || {}).map((r) => r.routeKey || '').join(', '), keys(a.stages), a.invokeUrl, details(a)])));
}

async function events() {
  const { rules } = await get('events/rules');
  show('EventBridge rules', table(['Rule', 'Bus', 'State', 'Pattern or schedule', 'Targets', ''], rules.map((r) => [r.name || '',
    r.eventBusName || '', r.state || '', r.scheduleExpression || r.eventPattern || '',
    (r.targets || []).map((t) => t.arn).join('\n'), el('details', {}, el('summary', {}, 'JSON'), pre(r))])));
}

// the first poll of the flow view draws once, after it (not once in the poll and again here)
const views = { flow: async () => { onFlow = false; await pollFlow(); onFlow = true; renderFlow(); }, outbox, s3, dynamodb, kinesis, sqs, sns, lambda, logs, apigateway, events, iam };

async function route() {
  const hash = location.hash || '#/flow';
  const [path, query] = hash.slice(2).split('?');
  const [view, ...rest] = path.split('/');
  const params = new URLSearchParams(query || '');
  const arg = rest.length ? decodeURIComponent(rest.join('/')) : null;
  for (const a of document.querySelectorAll('nav a')) {
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  if (flowWatch) flowWatch.abort();
  flowWatch = null;
  onFlow = !views[view] || view === 'flow';
  try {
    await (views[view] || views.flow)(arg, params);
    statusLine.textContent = '';
    // tests and curious people read how long the first view took: performance.getEntriesByName(...)
    if (performance.getEntriesByName('console-first-view').length === 0) performance.mark('console-first-view');
  } catch (e) {
    show('Error', el('p', { class: 'error' }, e.message));
  }
  if (onFlow) { flowWatch = new AbortController(); watchFlow(flowWatch); }
}

document.getElementById('reset').addEventListener('click', async () => {
  if (!confirm('Erase every bucket, table, queue, topic, function and message in this CloudJar?')) return;
  const response = await fetch('/_cloudjar/reset', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  const body = await response.json().catch(() => ({}));
  flow.hops = []; flow.last = 0;
  await route();
  statusLine.textContent = response.ok ? 'All state was reset.' : 'Reset refused: ' + (body.message || response.status);
});

// Loads an init file chosen here: the page sends its JSON (never a path), and CloudJar creates what
// is missing, as --init does at start (functions excepted, see docs/console.md).
document.getElementById('init-file').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  event.target.value = '';
  if (!file) return;
  let body;
  try {
    body = JSON.parse(await file.text());
  } catch (e) {
    statusLine.textContent = file.name + ' is not JSON: ' + e.message;
    return;
  }
  try {
    const { loaded } = await post('init', body);
    await route();
    statusLine.textContent = 'Loaded ' + file.name + ': ' + Object.entries(loaded).map(([k, v]) => v + ' ' + k).join(', ') + '.';
  } catch (e) {
    statusLine.textContent = 'Init file refused: ' + e.message;
  }
});

window.addEventListener('hashchange', route);
route();
