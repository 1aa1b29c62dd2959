import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../support/call-local-api.js';
import { type SeededApi, startSeededApi } from '../support/seeded-local-stack.js';

/** Unclaim, assign, notes and bulk claim/assign: the team's actions beyond the single workflow steps. */

let seeded: SeededApi;

const ids = ['team-1', 'team-2', 'team-3', 'team-4', 'team-5', 'team-6', 'team-7', 'team-8'];

beforeAll(async () => {
  seeded = await startSeededApi(
    ids.map((id) =>
      JSON.stringify({
        id,
        text: `The agent was rude to me (${id})`,
        score: 1,
        submittedAt: '2026-06-01T07:00:00Z',
      }),
    ),
    () => new Date('2026-06-01T09:00:00Z'),
  );
}, 60_000);

afterAll(async () => {
  await seeded?.stop();
});

const call: SeededApi['call'] = (...args) => seeded.call(...args);

const post = (id: string, action: string, body: unknown, actor?: string) =>
  call('POST', `/followups/${encodeURIComponent(id)}/${action}`, body, actor);

describe('team actions on DynamoDB Local', () => {
  it('unclaims a claim back to the open queue, with who and when in the history', async () => {
    expect((await post('team-1', 'claim', { owner: 'ana' })).status).toBe(200);
    const freed = await post('team-1', 'unclaim', {}, 'ben');
    expect(freed.status).toBe(200);
    expect(freed.body.followUp.status).toBe('open');
    expect(freed.body.followUp.owner).toBeUndefined();
    const record = await call('GET', '/feedback/team-1');
    expect(record.body.followUp.history.map((e: Json) => [e.action, e.by, e.from, e.to])).toEqual([
      ['claim', 'ana', 'open', 'claimed'],
      ['unclaim', 'ben', 'claimed', 'open'],
    ]);
    const unassigned = await call('GET', '/inbox?view=unassigned&pageSize=100');
    expect(unassigned.body.items.map((row: Json) => row.id)).toContain('team-1');
    // Nothing to give back any more: 409 with the state that won, as for claim.
    const again = await post('team-1', 'unclaim', {});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: 'conflict', current: { status: 'open' } });
  });

  it('assigns to a teammate: an open follow-up becomes theirs, a claim is handed on, a resolved one is refused', async () => {
    const assigned = await post('team-2', 'assign', { owner: 'carla' }, 'lead-lou');
    expect(assigned.status).toBe(200);
    expect(assigned.body.followUp).toMatchObject({ status: 'claimed', owner: 'carla' });
    expect(assigned.body.followUp.history.at(-1)).toMatchObject({ action: 'assign', by: 'lead-lou' });
    const handedOn = await post('team-2', 'assign', { owner: 'dev' }, 'lead-lou');
    expect(handedOn.body.followUp).toMatchObject({ status: 'claimed', owner: 'dev' });
    const mine = await call('GET', '/inbox?view=mine', undefined, 'dev');
    expect(mine.body.items.map((row: Json) => row.id)).toEqual(['team-2']);

    expect(
      (await post('team-3', 'resolve', { rootCause: 'agent_behaviour', action: 'called back' })).status,
    ).toBe(200);
    const refused = await post('team-3', 'assign', { owner: 'dev' });
    expect(refused.status).toBe(409);
    expect(refused.body.current.status).toBe('resolved');
  });

  it('adds a note to the history without changing the status, redacted and capped', async () => {
    const noted = await post('team-4', 'note', {
      note: 'Customer asked to be called on +44 7700 900123 or at jo.bloggs@example.com',
    });
    expect(noted.status).toBe(200);
    expect(noted.body.followUp.status).toBe('open');
    const record = await call('GET', '/feedback/team-4');
    const last = record.body.followUp.history.at(-1);
    expect(last).toMatchObject({ action: 'note', by: 'ana', from: 'open', to: 'open' });
    expect(last.note).toBe('Customer asked to be called on [PHONE] or at [EMAIL]');
    expect(JSON.stringify(record.body)).not.toContain('jo.bloggs');
    // Notes on the other actions pass the same gate.
    const claimed = await post('team-4', 'claim', { owner: 'ana', note: 'mail jo.bloggs@example.com' });
    expect(claimed.body.followUp.history.at(-1).note).toBe('mail [EMAIL]');
    // Unicode is kept as written.
    const unicode = await post('team-4', 'note', { note: 'Kundin möchte Rückruf 🙏 — 顧客' });
    expect(unicode.body.followUp.history.at(-1).note).toBe('Kundin möchte Rückruf 🙏 — 顧客');
  });

  it('refuses bad note, assign and unclaim bodies with a 400 that says why', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['note', {}, 'note'],
      ['note', { note: '   ' }, 'note'],
      ['note', { note: 'x'.repeat(2_001) }, 'note'],
      ['note', { note: 42 }, 'note'],
      ['note', { note: 'ok', owner: 'ana' }, 'owner'],
      ['assign', {}, 'owner'],
      ['assign', { owner: '' }, 'owner'],
      ['assign', { owner: 'a\u202Eb' }, 'owner'],
      ['assign', { owner: ['ana'] }, 'owner'],
      ['unclaim', { owner: 'ana' }, 'owner'],
      ['unclaim', '{"note":', ''],
    ];
    for (const [action, body, field] of cases) {
      const answer = await post('team-5', action, body);
      expect(answer.status, `${action} ${JSON.stringify(body)}`).toBe(400);
      expect(answer.body.error).toBe('bad_request');
      if (field) expect(answer.body.issues.join(' ')).toContain(field);
    }
    const record = await call('GET', '/feedback/team-5');
    expect(record.body.followUp).toMatchObject({ status: 'open', version: 0, history: [] });
  });

  it('lets one of a claim and an assign racing on the same follow-up win; the other gets 409', async () => {
    const [claim, assign] = await Promise.all([
      post('team-6', 'claim', { owner: 'ana' }, 'ana'),
      post('team-6', 'assign', { owner: 'carla' }, 'lead-lou'),
    ]);
    const statuses = [claim.status, assign.status];
    // Assign may also apply after the claim (it hands a claim on); a claim after an assign cannot.
    expect(statuses).toContain(200);
    const record = await call('GET', '/feedback/team-6');
    const actions = record.body.followUp.history.map((entry: Json) => entry.action);
    expect(actions.length).toBe(statuses.filter((status) => status === 200).length);
    if (claim.status === 409) expect(claim.body.current.owner).toBe('carla');
  });

  it('bulk claims: each follow-up its own conditional write, one outcome per id', async () => {
    expect((await post('team-7', 'claim', { owner: 'ben' }, 'ben')).status).toBe(200);
    const bulk = await call('POST', '/followups/bulk', {
      action: 'claim',
      owner: 'ana',
      ids: ['team-8', 'team-7', 'no-such-feedback'],
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.results.map((r: Json) => [r.id, r.outcome])).toEqual([
      ['team-8', 'done'],
      ['team-7', 'conflict'],
      ['no-such-feedback', 'not_found'],
    ]);
    expect(bulk.body.results[1].current.owner).toBe('ben');
    expect((await call('GET', '/feedback/team-8')).body.followUp.owner).toBe('ana');
    expect((await call('GET', '/feedback/team-7')).body.followUp.owner).toBe('ben');
  });

  it('bulk claims raced by two people: each follow-up goes to exactly one of them', async () => {
    const racing = ['team-1', 'team-5'];
    const [first, second] = await Promise.all([
      call('POST', '/followups/bulk', { action: 'claim', owner: 'ana', ids: racing }, 'ana'),
      call('POST', '/followups/bulk', { action: 'claim', owner: 'ben', ids: racing }, 'ben'),
    ]);
    for (const [index, id] of racing.entries()) {
      const outcomes = [first.body.results[index].outcome, second.body.results[index].outcome].sort();
      expect(outcomes, id).toEqual(['conflict', 'done']);
      const winner = first.body.results[index].outcome === 'done' ? 'ana' : 'ben';
      expect((await call('GET', `/feedback/${id}`)).body.followUp.owner).toBe(winner);
    }
  });

  it('bulk assigns, and refuses bad bulk bodies with 400', async () => {
    const bulk = await call('POST', '/followups/bulk', {
      action: 'assign',
      owner: 'dev',
      ids: ['team-8', 'team-1'],
    });
    expect(bulk.body.results.map((r: Json) => r.outcome)).toEqual(['done', 'done']);
    const bad: unknown[] = [
      {},
      { action: 'resolve', owner: 'ana', ids: ['team-1'] },
      { action: 'claim', owner: 'ana', ids: [] },
      { action: 'claim', owner: 'ana', ids: ['team-1', 'team-1'] },
      { action: 'claim', owner: 'ana', ids: Array.from({ length: 101 }, (_, i) => `id-${i}`) },
      { action: 'claim', owner: 'ana', ids: ['FOLLOWUP#open'] },
      { action: 'claim', ids: ['team-1'] },
      { action: 'assign', owner: 'dev', ids: 'team-1' },
      { action: 'claim', owner: 'ana', ids: ['team-1'], extra: true },
      'not json',
    ];
    for (const body of bad) {
      const answer = await call('POST', '/followups/bulk', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error).toBe('bad_request');
    }
  });
});
