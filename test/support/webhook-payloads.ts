/**
 * Webhook payloads in each vendor's documented shape (trimmed to what matters, plus the fields around it
 * so unknown keys are proven harmless), for tests and the benchmark. `n` makes each response distinct.
 */

export function typeformPayload(n: number, overrides: { score?: number; comment?: string } = {}) {
  return {
    event_id: `01H${n}EVENT`,
    event_type: 'form_response',
    form_response: {
      form_id: 'lT4Z3j',
      token: `a3a12ec67a1365927098a606107fac${n}`,
      landed_at: '2026-11-29T10:00:00Z',
      submitted_at: '2026-11-29T10:01:12Z',
      hidden: { department: 'Billing', team: 'Tier 1', customer_id: `C-${n}`, email: 'hidden@example.com' },
      definition: { id: 'lT4Z3j', title: 'How did we do?', fields: [] },
      answers: [
        {
          type: 'choice',
          choice: { label: 'Phone' },
          field: { id: 'ch1', type: 'multiple_choice', ref: 'channel' },
        },
        { type: 'number', number: overrides.score ?? 3, field: { id: 'nps1', type: 'nps', ref: 'nps' } },
        {
          type: 'text',
          text: overrides.comment ?? 'Waited 45 minutes on hold and nobody called me back.',
          field: { id: 'txt1', type: 'long_text', ref: 'why' },
        },
      ],
    },
  };
}

export function delightedPayload(
  n: number,
  overrides: { score?: number; comment?: string | null; type?: string } = {},
) {
  return {
    event_type: overrides.type ?? 'survey_response.updated',
    event_id: `b8d057c59327541d7ec2104c0a9a255a${n}`,
    event_data: {
      id: String(5435 + n),
      person: {
        id: '5975',
        email: 'charlie_gravis@example.com',
        name: 'Charlie Gravis',
        created_at: 1764410000,
      },
      survey_type: 'nps',
      score: overrides.score ?? 2,
      comment:
        overrides.comment === undefined
          ? 'The refund still has not arrived after three weeks.'
          : overrides.comment,
      permalink: 'https://app.delighted.com/r/5pFDpmlyC8GUc5oxU6USto5VonSKAqOa',
      created_at: 1764410060,
      updated_at: 1764410660,
      person_properties: { Department: 'Payments', customer_id: `D-${n}` },
      notes: [],
      tags: [],
      additional_answers: [],
    },
  };
}

export function zendeskPayload(n: number, rating: string | number = 'bad') {
  return {
    ticket_id: String(1000 + n),
    rating,
    comment: 'I was transferred three times and the agent was rude.',
    updated_at: '2026-11-29T10:05:00Z',
    fields: { department: 'Support', agent: 'Agent 7', customer_id: `Z-${n}` },
  };
}

export function formbricksPayload(n: number, finished = true) {
  return {
    webhookId: 'webhookId',
    event: finished ? 'responseFinished' : 'responseCreated',
    data: {
      id: `cljwy2m8r0001qhclco1god${n}`,
      createdAt: '2026-11-29T07:47:29.507Z',
      updatedAt: '2026-11-29T07:48:31.000Z',
      surveyId: 'cljsf3d7a000019cv9apt2t27',
      displayId: 'displayId',
      contact: { id: 'contact1', userId: `F-${n}` },
      contactAttributes: { email: 'test@example.com', region: 'EMEA' },
      finished,
      data: { q_nps: 1, q_why: 'The app crashes every time I try to pay my bill.', product: 'Mobile app' },
      variables: {},
      ttc: { q_nps: 2154.7 },
      notes: [],
      tags: [],
      meta: { url: 'https://app.formbricks.com/s/abc', userAgent: { os: 'Mac OS', browser: 'Chrome' } },
    },
  };
}

export function surveyMonkeyEvent(n: number) {
  return {
    name: 'My Survey Webhook',
    filter_type: 'survey',
    filter_id: '123456789',
    event_type: 'response_completed',
    event_id: `1000${n}`,
    object_type: 'response',
    object_id: String(987654000 + n),
    event_datetime: '2026-11-29T10:30:00.000000+00:00',
    resources: { survey_id: '123456789', collector_id: '111222333', respondent_id: '444555666' },
  };
}

export function surveyMonkeyDetails(responseId: string) {
  return {
    id: responseId,
    survey_id: '123456789',
    date_created: '2026-11-29T10:29:00+00:00',
    date_modified: '2026-11-29T10:30:00+00:00',
    response_status: 'completed',
    custom_variables: { team: 'Renewals', customer_id: `S-${responseId}` },
    pages: [
      {
        id: '168830093',
        questions: [
          { id: '667461690', answers: [{ choice_id: '4385172931', simple_text: '4' }] },
          {
            id: '667461691',
            answers: [{ text: 'Nobody answered the phone for two days.', simple_text: 'x' }],
          },
        ],
      },
    ],
  };
}

export function qualtricsEvent(n: number): string {
  return new URLSearchParams({
    Topic: 'surveyengine.completedResponse.SV_8pqqjQWfMNh8k5v',
    Status: 'Complete',
    SurveyID: 'SV_8pqqjQWfMNh8k5v',
    ResponseID: `R_1pGBB5dLHcMQ${n}`,
    CompletedDate: '2026-11-29 10:30:00',
    BrandID: 'acme',
  }).toString();
}

export function qualtricsResponse(responseId: string) {
  return {
    result: {
      responseId,
      values: {
        startDate: '2026-11-29T10:28:00Z',
        endDate: '2026-11-29T10:30:00Z',
        recordedDate: '2026-11-29T10:30:01.200Z',
        QID1: 0,
        QID1_NPS_GROUP: 1,
        QID2_TEXT: 'Three calls and still no engineer appointment.',
        department: 'Field Service',
        customer_id: `Q-${responseId}`,
      },
      labels: { QID1: '0' },
    },
    meta: { httpStatus: '200 - OK', requestId: 'r1' },
  };
}

export function genericMessage(n: number) {
  return {
    id: `resp-${n}`,
    text: 'The chat bot could not help and I gave up.',
    score: 5,
    segment: { product: 'Web chat' },
    submittedAt: '2026-11-29T10:00:00Z',
  };
}
