/**
 * The message fields a column of an export can fill: the top-level fields of the feedback message
 * and the segment dimensions (which go under `segment`).
 */
export const MESSAGE_FIELDS = [
  'id',
  'text',
  'score',
  'scale',
  'channel',
  'customerId',
  'submittedAt',
  'locale',
  'department',
  'team',
  'agent',
  'product',
  'region',
] as const;
export type MessageField = (typeof MESSAGE_FIELDS)[number];

export const SEGMENT_FIELDS = ['department', 'team', 'agent', 'product', 'region'] as const;
export type SegmentField = (typeof SEGMENT_FIELDS)[number];

export function isSegmentField(field: MessageField): field is SegmentField {
  return (SEGMENT_FIELDS as readonly string[]).includes(field);
}

/**
 * A header as it is compared: lower case, without spaces, punctuation or accents, so `Response ID`,
 * `response_id` and `RESPONSE-ID` are one name.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The field a normalised name means, for every field and the names survey tools give it. */
const ALIASES: Record<MessageField, readonly string[]> = {
  id: ['id', 'responseid', 'respondentid', 'feedbackid', 'commentid', 'recordid', 'surveyresponseid'],
  text: [
    'text',
    'comment',
    'comments',
    'verbatim',
    'feedback',
    'response',
    'reason',
    'reasonforscore',
    'feedbacktext',
    'commenttext',
    'freetext',
    'opentext',
  ],
  score: ['score', 'nps', 'npsscore', 'npsrating', 'rating', 'likelihoodtorecommend', 'ltr', 'recommend'],
  scale: ['scale', 'ratingscale', 'scoretype'],
  channel: ['channel', 'source', 'touchpoint'],
  customerId: [
    'customerid',
    'customer',
    'customernumber',
    'customerref',
    'accountid',
    'accountnumber',
    'clientid',
  ],
  submittedAt: [
    'submittedat',
    'submitted',
    'date',
    'recordeddate',
    'responsedate',
    'submitdate',
    'datesubmitted',
    'submissiondate',
    'createdat',
    'timestamp',
  ],
  locale: ['locale', 'language', 'lang'],
  department: ['department'],
  team: ['team'],
  agent: ['agent', 'agentname', 'agentid'],
  product: ['product', 'productname'],
  region: ['region'],
};

const FIELD_BY_ALIAS = new Map<string, MessageField>(
  Object.entries(ALIASES).flatMap(([field, names]) => names.map((name) => [name, field as MessageField])),
);

/** The field a header means by its name alone, if any. */
export function fieldForHeader(header: string): MessageField | undefined {
  return FIELD_BY_ALIAS.get(normalizeHeader(header));
}

/** The names each field is recognised by, for help texts and docs. */
export function aliasesOf(field: MessageField): readonly string[] {
  return ALIASES[field];
}

/** The field a `--map` key names (`customerId`, `customer-id` and `CustomerID` all work). */
export function fieldNamed(name: string): MessageField | undefined {
  const wanted = normalizeHeader(name);
  return MESSAGE_FIELDS.find((field) => normalizeHeader(field) === wanted);
}
