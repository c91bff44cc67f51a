// The real supabase-js from npm against a running Big Box engine. Started by the Java test
// SupabaseJsIT (app module), which passes SUPABASE_URL, SUPABASE_ANON_KEY, SUPABASE_SERVICE_ROLE_KEY
// and DATABASE_URL (for psql). Run by hand against `./bigbox up` with the same variables.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import ws from 'ws';
import { createClient } from '@supabase/supabase-js';

const url = required('SUPABASE_URL');
const anonKey = required('SUPABASE_ANON_KEY');
const serviceKey = required('SUPABASE_SERVICE_ROLE_KEY');
const databaseUrl = required('DATABASE_URL');
const run = `js${Date.now()}`;

// Node 20 has no global WebSocket: realtime-js takes the ws package as its transport.
const options = (vsn) => ({
  auth: { persistSession: false, autoRefreshToken: false },
  realtime: { transport: ws, ...(vsn ? { vsn } : {}) },
});
const service = createClient(url, serviceKey, options());
const anon = createClient(url, anonKey, options());
const clients = [service, anon];

after(async () => {
  for (const client of clients) {
    await client.removeAllChannels();
  }
});

test('REST: insert an array, then select it back with filters, order, count and single', async () => {
  const aggregate = `${run}-rest`;
  const { error: insertError } = await service.from('events').insert([
    { event_type: 'LEAD_RECEIVED', aggregate_type: 'LEAD', aggregate_id: aggregate, payload: { name: 'Ada', budget: 20000 }, emitted_by: 'supabase-js' },
    { event_type: 'LEAD_QUALIFIED', aggregate_type: 'LEAD', aggregate_id: aggregate, payload: { name: 'Ada', score: 80 }, emitted_by: 'supabase-js', confidence: 0.9 },
  ]);
  assert.equal(insertError, null);

  const { data, error, count } = await service
    .from('events')
    .select('event_type, aggregate_id, sequence_number, payload', { count: 'exact' })
    .eq('aggregate_id', aggregate)
    .in('event_type', ['LEAD_RECEIVED', 'LEAD_QUALIFIED'])
    .order('sequence_number', { ascending: false });
  assert.equal(error, null);
  assert.equal(count, 2);
  assert.deepEqual(data.map((e) => [e.event_type, e.sequence_number]), [['LEAD_QUALIFIED', 2], ['LEAD_RECEIVED', 1]]);
  assert.equal(data[1].payload.budget, 20000);

  const { data: one, error: singleError } = await service
    .from('events').select('*').eq('aggregate_id', aggregate).gte('confidence', 0.5).single();
  assert.equal(singleError, null);
  assert.equal(one.event_type, 'LEAD_QUALIFIED');

  const { data: byJson } = await service.from('events').select('event_type').eq('aggregate_id', aggregate).eq('payload->>score', '80');
  assert.deepEqual(byJson, [{ event_type: 'LEAD_QUALIFIED' }]);

  const { data: page } = await service.from('events').select('sequence_number').eq('aggregate_id', aggregate).order('sequence_number').range(1, 1);
  assert.deepEqual(page, [{ sequence_number: 2 }]);
});

test('REST: insert with return=representation, RPC append_event and get_event_stream', async () => {
  const aggregate = `${run}-rpc`;
  const { data: inserted, error } = await service.from('events')
    .insert({ event_type: 'CLIENT_CREATED', aggregate_type: 'CLIENT', aggregate_id: aggregate, payload: { client_id: aggregate } })
    .select('event_id, sequence_number');
  assert.equal(error, null);
  assert.equal(inserted[0].sequence_number, 1);

  const { data: eventId, error: rpcError } = await service.rpc('append_event', {
    p_event_type: 'LEAD_INQUIRY_RECEIVED', p_correlation_id: null, p_causation_id: null, p_aggregate_type: 'CLIENT',
    p_aggregate_id: aggregate, p_payload: { name: 'Test Client' }, p_metadata: {}, p_emitted_by: 'IntakeAgent', p_confidence: 0.95,
  });
  assert.equal(rpcError, null);
  assert.match(eventId, /^[0-9a-f-]{36}$/);

  const { data: stream } = await service.rpc('get_event_stream', { p_aggregate_type: 'CLIENT', p_aggregate_id: aggregate });
  assert.deepEqual(stream.map((e) => e.event_type), ['CLIENT_CREATED', 'LEAD_INQUIRY_RECEIVED']);
});

test('REST: events are append-only and anon sees and writes nothing', async () => {
  const aggregate = `${run}-locked`;
  await service.from('events').insert({ event_type: 'X', aggregate_type: 'SYSTEM', aggregate_id: aggregate, payload: {} });
  const { error: updateError } = await service.from('events').update({ event_type: 'Y' }).eq('aggregate_id', aggregate);
  assert.ok(updateError, 'updating events must fail');
  const { error: deleteError } = await service.from('events').delete().eq('aggregate_id', aggregate);
  assert.ok(deleteError, 'deleting events must fail');

  const { data: none, error } = await anon.from('events').select('*').eq('aggregate_id', aggregate);
  assert.equal(error, null);
  assert.deepEqual(none, []);
  const { error: anonInsert } = await anon.from('events').insert({ event_type: 'X', aggregate_type: 'SYSTEM', aggregate_id: aggregate, payload: {} });
  assert.equal(anonInsert?.code, '42501');
});

test('auth: the service role creates a user who signs in and reads as authenticated', async () => {
  const email = `${run}@example.com`;
  const { error: createError } = await service.auth.admin.createUser({
    email, password: 'correct horse battery', email_confirm: true, app_metadata: { app_role: 'employee' },
  });
  assert.equal(createError, null);
  const user = createClient(url, anonKey, options());
  clients.push(user);
  const { data: session, error } = await user.auth.signInWithPassword({ email, password: 'correct horse battery' });
  assert.equal(error, null);
  assert.equal(session.user.email, email);
  assert.equal(session.user.app_metadata.app_role, 'employee');
  const { data: rows, error: readError } = await user.from('events').select('event_id').limit(1);
  assert.equal(readError, null);
  assert.equal(rows.length, 1);
  const { error: wrong } = await user.auth.signInWithPassword({ email, password: 'wrong password' });
  assert.ok(wrong);
});

for (const vsn of ['2.0.0', '1.0.0']) {
  test(`realtime (vsn ${vsn}): a postgres_changes subscription receives a psql insert`, { timeout: 60000 }, async () => {
    const client = createClient(url, serviceKey, options(vsn));
    clients.push(client);
    const aggregate = `${run}-psql-${vsn}`;
    let subscribed;
    const ready = new Promise((resolve, reject) => { subscribed = { resolve, reject }; });
    const received = new Promise((resolve) => {
      client.channel(`events-${aggregate}`)
        .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'events', filter: `aggregate_id=eq.${aggregate}` },
          (payload) => resolve({ payload, at: Date.now() }))
        .subscribe((status, err) => {
          if (status === 'SUBSCRIBED') subscribed.resolve();
          if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') subscribed.reject(err ?? new Error(status));
        });
    });
    await ready;
    const start = Date.now();
    execFileSync('psql', [databaseUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-c',
      `insert into events (event_type, aggregate_type, aggregate_id, payload) values ('PSQL_INSERTED', 'LEAD', '${aggregate}', '{"via": "psql"}')`]);
    const { payload, at } = await received;
    const elapsed = at - start;
    // Reported, not asserted: a busy machine delays delivery; that it arrives, once and whole, is the contract.
    console.log(`vsn ${vsn}: psql insert reached supabase-js in ${elapsed} ms`);
    assert.equal(payload.eventType, 'INSERT');
    assert.equal(payload.table, 'events');
    assert.equal(payload.new.event_type, 'PSQL_INSERTED');
    assert.equal(payload.new.payload.via, 'psql');
  });
}

test('realtime: INSERT, UPDATE and DELETE of human_approvals reach a signed-in user through RLS', { timeout: 15000 }, async () => {
  const email = `${run}-rt@example.com`;
  await service.auth.admin.createUser({ email, password: 'correct horse battery', app_metadata: { app_role: 'employee' } });
  const user = createClient(url, anonKey, options());
  clients.push(user);
  const { error } = await user.auth.signInWithPassword({ email, password: 'correct horse battery' });
  assert.equal(error, null);
  const changes = [];
  let subscribed;
  const ready = new Promise((resolve, reject) => { subscribed = { resolve, reject }; });
  let done;
  const allThree = new Promise((resolve) => { done = resolve; });
  user.channel(`approvals-${run}`)
    .on('postgres_changes', { event: '*', schema: 'public', table: 'human_approvals', filter: `agent_id=eq.${run}` }, (payload) => {
      changes.push(payload);
      if (changes.length === 3) done();
    })
    .subscribe((status, err) => {
      if (status === 'SUBSCRIBED') subscribed.resolve();
      if (status === 'CHANNEL_ERROR') subscribed.reject(err);
    });
  await ready;
  psql(`insert into human_approvals (approval_id, agent_id, decision_context, recommended_action, confidence)
        values ('00000000-0000-4000-8000-${String(Date.now()).slice(-12).padStart(12, '0')}', '${run}', '{"lead": "x"}', 'call back', 0.6)`);
  psql(`update human_approvals set status = 'approved', resolved_by = 'psql' where agent_id = '${run}'`);
  psql(`delete from human_approvals where agent_id = '${run}'`);
  await allThree;
  assert.deepEqual(changes.map((c) => c.eventType), ['INSERT', 'UPDATE', 'DELETE']);
  assert.equal(changes[1].new.status, 'approved');
  assert.equal(changes[1].old.status, 'pending');
  assert.equal(changes[2].old.agent_id, run);
});

function psql(sql) {
  execFileSync('psql', [databaseUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql]);
}

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set; run this through SupabaseJsIT or set it to a running engine's value`);
  }
  return value;
}
