import { describe, expect, it } from 'vitest';
import { toFeedbackMessage } from '../../../lib/webhooks/mapped-feedback.js';
import { mapDelighted } from '../../../lib/webhooks/sources/delighted.js';
import { mapFormbricks } from '../../../lib/webhooks/sources/formbricks.js';
import { mapGeneric } from '../../../lib/webhooks/sources/generic.js';
import {
  mapQualtricsResponse,
  parseQualtricsBody,
  readQualtricsEvent,
} from '../../../lib/webhooks/sources/qualtrics.js';
import {
  mapSurveyMonkeyResponse,
  readSurveyMonkeyEvent,
} from '../../../lib/webhooks/sources/surveymonkey.js';
import { mapTypeform } from '../../../lib/webhooks/sources/typeform.js';
import { mapZendesk } from '../../../lib/webhooks/sources/zendesk.js';
import { WebhookPayloadError } from '../../../lib/webhooks/webhook-errors.js';
import { webhookMappingSchema } from '../../../lib/webhooks/webhook-mapping.js';
import {
  delightedPayload,
  formbricksPayload,
  qualtricsEvent,
  qualtricsResponse,
  surveyMonkeyDetails,
  surveyMonkeyEvent,
  typeformPayload,
  zendeskPayload,
} from '../../support/webhook-payloads.js';

function feedbackOf(result: ReturnType<typeof mapTypeform>) {
  if (!('feedback' in result)) throw new Error(`expected feedback, got ${JSON.stringify(result)}`);
  return result.feedback;
}

function payloadIssues(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookPayloadError);
    return (error as WebhookPayloadError).issues;
  }
  throw new Error('expected a payload error');
}

describe('default mappings', () => {
  it('Typeform: nps answer, long_text answer, hidden segment fields and the token as id', () => {
    const feedback = feedbackOf(mapTypeform(typeformPayload(1), {}));
    expect(feedback).toMatchObject({
      responseId: 'a3a12ec67a1365927098a606107fac1',
      score: 3,
      text: 'Waited 45 minutes on hold and nobody called me back.',
      segment: { department: 'Billing', team: 'Tier 1' },
      customerId: 'C-1',
      submittedAt: '2026-11-29T10:01:12.000Z',
    });
    // The hidden e-mail is personal data and no segment dimension: it goes nowhere.
    expect(JSON.stringify(toFeedbackMessage('typeform', feedback))).not.toContain('hidden@example.com');
  });

  it('Delighted: score, comment, survey type as scale, person properties in any case', () => {
    const feedback = feedbackOf(mapDelighted(delightedPayload(1), {}));
    expect(feedback).toMatchObject({
      responseId: '5436',
      score: 2,
      scale: 'nps',
      text: 'The refund still has not arrived after three weeks.',
      segment: { department: 'Payments' },
      customerId: 'D-1',
      updatedAt: '2025-11-29T10:04:20.000Z',
    });
    // The version travels as the message's updatedAt; without updated_at the creation time is the version.
    expect(toFeedbackMessage('delighted', feedback)).toMatchObject({ updatedAt: '2025-11-29T10:04:20.000Z' });
    expect(toFeedbackMessage('delighted', feedback).metadata).not.toHaveProperty('sourceUpdatedAt');
    const created = delightedPayload(3, { type: 'survey_response.created', comment: null });
    (created.event_data as { updated_at?: number }).updated_at = undefined;
    expect(feedbackOf(mapDelighted(created, {})).updatedAt).toBe(
      new Date(created.event_data.created_at * 1000).toISOString(),
    );
    const thumbs = delightedPayload(2);
    thumbs.event_data.survey_type = 'thumbs';
    expect(feedbackOf(mapDelighted(thumbs, {})).score).toBeUndefined();
    expect(mapDelighted({ event_type: 'unsubscribe.created', event_id: 'e1', event_data: {} }, {})).toEqual({
      ignored: 'event unsubscribe.created carries no response',
    });
  });

  it('Zendesk: good/bad and 1-5 ratings on the CSAT scale, ticket id as id', () => {
    expect(feedbackOf(mapZendesk(zendeskPayload(1, 'bad'), {}))).toMatchObject({
      responseId: '1001',
      score: 1,
      scale: 'csat',
      segment: { department: 'Support', agent: 'Agent 7' },
      customerId: 'Z-1',
    });
    expect(feedbackOf(mapZendesk(zendeskPayload(2, 'Good, I am satisfied'), {})).score).toBe(5);
    expect(feedbackOf(mapZendesk(zendeskPayload(3, '4'), {})).score).toBe(4);
    expect(mapZendesk({ ticket_id: 5, rating: 'unoffered', comment: '' }, {})).toEqual({
      ignored: 'the ticket has no satisfaction rating or comment yet',
    });
  });

  it('Formbricks: finished responses only; number, sentence, hidden fields and contact', () => {
    expect(feedbackOf(mapFormbricks(formbricksPayload(1), {}))).toMatchObject({
      responseId: 'cljwy2m8r0001qhclco1god1',
      score: 1,
      text: 'The app crashes every time I try to pay my bill.',
      segment: { product: 'Mobile app', region: 'EMEA' },
      customerId: 'F-1',
    });
    expect(feedbackOf(mapFormbricks([formbricksPayload(2)], {})).responseId).toBe('cljwy2m8r0001qhclco1god2');
    expect(mapFormbricks(formbricksPayload(3, false), {})).toEqual({
      ignored: 'event responseCreated is for an unfinished response',
    });
  });

  it('SurveyMonkey: reads ids from the callback, then the numbered choice, open text and custom variables', () => {
    expect(readSurveyMonkeyEvent(surveyMonkeyEvent(1))).toEqual({
      surveyId: '123456789',
      responseId: '987654001',
    });
    expect(
      readSurveyMonkeyEvent({ ...surveyMonkeyEvent(1), event_type: 'collector_created' }),
    ).toHaveProperty('ignored');
    expect(feedbackOf(mapSurveyMonkeyResponse(surveyMonkeyDetails('42'), {}))).toMatchObject({
      responseId: '42',
      score: 4,
      text: 'Nobody answered the phone for two days.',
      segment: { team: 'Renewals' },
      customerId: 'S-42',
    });
  });

  it('Qualtrics: form-encoded or JSON event, then the NPS question, _TEXT answer and embedded data', () => {
    const event = readQualtricsEvent(parseQualtricsBody(Buffer.from(qualtricsEvent(1))));
    expect(event).toEqual({ surveyId: 'SV_8pqqjQWfMNh8k5v', responseId: 'R_1pGBB5dLHcMQ1' });
    const json = Buffer.from(JSON.stringify({ SurveyID: 'SV_1', ResponseID: 'R_2' }));
    expect(readQualtricsEvent(parseQualtricsBody(json))).toEqual({ surveyId: 'SV_1', responseId: 'R_2' });
    expect(feedbackOf(mapQualtricsResponse(qualtricsResponse('R_9'), {}))).toMatchObject({
      responseId: 'R_9',
      score: 0,
      text: 'Three calls and still no engineer appointment.',
      segment: { department: 'Field Service' },
      customerId: 'Q-R_9',
      submittedAt: '2026-11-29T10:30:01.200Z',
    });
  });

  it('generic: our message with the id prefixed', () => {
    expect(mapGeneric({ id: 'abc', text: 'hi' })).toEqual({ message: { id: 'generic:abc', text: 'hi' } });
  });
});

describe('mapping overrides', () => {
  it('Typeform: the complete response (submitted_at) is a later version than the partial one (landed_at)', () => {
    const complete = typeformPayload(1);
    const partial = typeformPayload(1);
    partial.form_response.submitted_at = undefined as unknown as string;
    expect(feedbackOf(mapTypeform(partial, {})).updatedAt).toBe('2026-11-29T10:00:00.000Z');
    expect(feedbackOf(mapTypeform(complete, {})).updatedAt).toBe('2026-11-29T10:01:12.000Z');
  });

  it('Typeform: a rating field on the CSAT scale, a short_text by ref, renamed hidden fields', () => {
    const payload = typeformPayload(1);
    payload.form_response.answers.push({
      type: 'number',
      number: 2,
      field: { id: 'r1', type: 'rating', ref: 'stars' },
    });
    payload.form_response.hidden = { dept: 'Sales', account: 'ACME-1' } as never;
    const mapping = webhookMappingSchema.parse({
      scoreField: 'stars',
      scale: 'csat',
      commentField: 'txt1',
      segmentFields: { department: 'dept' },
      customerIdField: 'account',
    });
    expect(feedbackOf(mapTypeform(payload, mapping))).toMatchObject({
      score: 2,
      scale: 'csat',
      text: 'Waited 45 minutes on hold and nobody called me back.',
      segment: { department: 'Sales' },
      customerId: 'ACME-1',
    });
  });

  it('rejects overrides that are misspelt, empty or name a dimension we do not have', () => {
    expect(webhookMappingSchema.safeParse({ scoreFeild: 'q1' }).success).toBe(false);
    expect(webhookMappingSchema.safeParse({ scoreField: ' ' }).success).toBe(false);
    expect(webhookMappingSchema.safeParse({ scale: 'stars' }).success).toBe(false);
    expect(webhookMappingSchema.safeParse({ segmentFields: { country: 'c' } }).success).toBe(false);
  });

  it('Qualtrics and Formbricks: question ids chosen by configuration', () => {
    const fetched = qualtricsResponse('R_1');
    Object.assign(fetched.result.values, { QID7: '6', QID8_TEXT: 'Other text' });
    expect(
      feedbackOf(
        mapQualtricsResponse(fetched, { scoreField: 'QID7', commentField: 'QID8_TEXT', scale: 'ces' }),
      ),
    ).toMatchObject({ score: 6, scale: 'ces', text: 'Other text' });
    expect(feedbackOf(mapFormbricks(formbricksPayload(1), { scoreField: 'missing' })).score).toBeUndefined();
  });
});

describe('a configured scoreField', () => {
  const withFields = (values: Record<string, unknown>) => ({
    typeform: () => {
      const payload = typeformPayload(1);
      payload.form_response.answers.push({
        type: 'number',
        field: { id: 'r1', type: 'number', ref: 'stars' },
        ...values,
      } as never);
      return mapTypeform(payload, { scoreField: 'stars' });
    },
    delighted: () => {
      const payload = delightedPayload(1);
      Object.assign((payload.event_data as { person_properties: object }).person_properties, {
        Stars: values.number ?? values.text,
      });
      return mapDelighted(payload, { scoreField: 'Stars' });
    },
    zendesk: () => {
      const payload = zendeskPayload(1);
      Object.assign(payload.fields, { stars: values.number ?? values.text });
      return mapZendesk(payload, { scoreField: 'stars' });
    },
    formbricks: () => {
      const payload = formbricksPayload(1);
      Object.assign(payload.data.data, { stars: values.number ?? values.text });
      return mapFormbricks(payload, { scoreField: 'stars' });
    },
    qualtrics: () => {
      const fetched = qualtricsResponse('R_1');
      Object.assign(fetched.result.values, { QID9: values.number ?? values.text });
      return mapQualtricsResponse(fetched, { scoreField: 'QID9' });
    },
  });

  it.each(['typeform', 'delighted', 'zendesk', 'formbricks', 'qualtrics'] as const)(
    '%s: reads "4" and 4 as the score (Delighted person properties are text)',
    (source) => {
      expect(feedbackOf(withFields({ number: 4 })[source]()).score).toBe(4);
      if (source !== 'typeform') expect(feedbackOf(withFields({ text: '4' })[source]()).score).toBe(4);
    },
  );

  it.each(['typeform', 'delighted', 'zendesk', 'formbricks', 'qualtrics'] as const)(
    '%s: refuses a value that is no whole number, naming the field, instead of dropping the score',
    (source) => {
      for (const values of [{ number: 7.5 }, { text: '10/10' }]) {
        const issues = payloadIssues(() => withFields(values)[source]());
        expect(issues).toEqual([
          expect.stringMatching(/^score: the scoreField ".+" holds .*not a whole number/),
        ]);
        // The value itself is not quoted: a misconfigured field may hold personal data.
        expect(issues.join()).not.toMatch(/10\/10|7\.5/);
      }
    },
  );
});

describe('payloads that do not fit the documented shape', () => {
  it.each([
    ['Typeform without form_response', () => mapTypeform({ event_id: 'e', event_type: 'form_response' }, {})],
    [
      'Typeform with a numeric token',
      () => mapTypeform({ ...typeformPayload(1), form_response: { token: 5 } }, {}),
    ],
    ['Delighted with no event_id', () => mapDelighted({ event_type: 'survey_response.created' }, {})],
    ['Zendesk with no ticket id', () => mapZendesk({ rating: 'bad' }, {})],
    ['Formbricks as a string', () => mapFormbricks('responseFinished', {})],
    ['SurveyMonkey without resources', () => readSurveyMonkeyEvent({ event_type: 'response_completed' })],
    ['Qualtrics with no ResponseID', () => readQualtricsEvent({ SurveyID: 'SV_1' })],
    [
      'Qualtrics with a path in the id',
      () => readQualtricsEvent({ SurveyID: 'SV_1', ResponseID: '../../admin' }),
    ],
    ['generic that is an array', () => mapGeneric([1, 2])],
  ])('%s is a payload error naming the field', (_name, run) => {
    expect(payloadIssues(run).length).toBeGreaterThan(0);
  });

  it('keeps unicode comments and ignores a Typeform test ping or partial response', () => {
    const payload = typeformPayload(1, { comment: 'Très déçu 😡 — 三回電話した' });
    expect(feedbackOf(mapTypeform(payload, {})).text).toBe('Très déçu 😡 — 三回電話した');
    expect(mapTypeform({ ...typeformPayload(1), event_type: 'form_response_partial' }, {})).toHaveProperty(
      'ignored',
    );
  });
});

/**
 * Surveys often ask for a name, company or order number in a free-text question before the comment.
 * Without a configured commentField the comment is the longest free-text answer, never the first:
 * a name taken as the comment would be stored and alerted on, unredacted (nothing marks it as a name).
 */
describe('which free-text answer is the comment when none is configured', () => {
  const name = 'Rosalind Okafor-Whitley';
  const comment = 'Charged twice this month and the refund never came';

  it('Formbricks: the longest answer of more than one word, whatever its place', () => {
    const payload = formbricksPayload(1);
    payload.data.data = { q_name: name, q_nps: 2, q_why: comment, q_channel: 'Email' } as never;
    expect(feedbackOf(mapFormbricks(payload, {})).text).toBe(comment);
  });

  it('SurveyMonkey: the longest open-ended answer, not the first', () => {
    const details = surveyMonkeyDetails('7');
    const questions = details.pages[0]?.questions as Array<{ id: string; answers: unknown[] }>;
    questions.unshift({ id: '667461600', answers: [{ text: name, simple_text: name }] });
    questions.push({ id: '667461699', answers: [{ text: comment, simple_text: comment }] });
    expect(feedbackOf(mapSurveyMonkeyResponse(details, {})).text).toBe(comment);
  });

  it('Qualtrics: the longest _TEXT value, not the lowest question number', () => {
    const response = qualtricsResponse('R_7');
    const values = response.result.values as Record<string, unknown>;
    delete values.QID2_TEXT;
    Object.assign(values, { QID0_TEXT: name, QID5_TEXT: comment });
    expect(feedbackOf(mapQualtricsResponse(response, {})).text).toBe(comment);
  });

  it('Typeform: the longest short text when the form has no long text', () => {
    const payload = typeformPayload(3, { comment });
    const why = payload.form_response.answers[2] as { field: { type: string } };
    why.field.type = 'short_text';
    payload.form_response.answers.unshift({
      type: 'text',
      text: name,
      field: { id: 'name1', type: 'short_text', ref: 'your_name' },
    });
    expect(feedbackOf(mapTypeform(payload, {})).text).toBe(comment);
  });

  it('the first of two answers of the same length, and none when every answer is empty', () => {
    const payload = formbricksPayload(2);
    payload.data.data = { a: 'same length one', b: 'same length two', q_nps: 9 } as never;
    expect(feedbackOf(mapFormbricks(payload, {})).text).toBe('same length one');
    payload.data.data = { a: '   ', q_nps: 9 } as never;
    expect(feedbackOf(mapFormbricks(payload, {})).text).toBeUndefined();
  });
});
