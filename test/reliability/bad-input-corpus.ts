import { MAX_TEXT_LENGTH } from '../../lib/feedback/feedback-message.js';

/**
 * Bodies a producer can put on the feedback queue, each with what must become of it. Built from
 * rules (every field x every wrong type, boundaries, encodings, languages) so that it covers the
 * message format systematically rather than by example.
 */
export type Expected =
  | { outcome: 'stored' }
  | { outcome: 'duplicate' }
  | { outcome: 'rejected'; reason: 'invalid JSON' | 'schema violation' | 'id conflict' }
  /** Refused by SQS itself at send time (characters SQS does not allow): the producer is told. */
  | { outcome: 'unsendable' };

export interface BadInputCase {
  name: string;
  body: string;
  expected: Expected;
  /** For stored cases: the id to look up. */
  id?: string;
}

const stored = { outcome: 'stored' } as const;
const schema = { outcome: 'rejected', reason: 'schema violation' } as const;
const invalidJson = { outcome: 'rejected', reason: 'invalid JSON' } as const;

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${++counter}`;

function message(fields: Record<string, unknown>, expected: Expected, name: string): BadInputCase {
  const id = typeof fields.id === 'string' ? fields.id : undefined;
  return { name, body: JSON.stringify(fields), expected, ...(id && { id }) };
}

const wrongValues: Array<[string, unknown]> = [
  ['a number', 42],
  ['a boolean', true],
  ['null', null],
  ['an array', ['x']],
  ['an object', { x: 1 }],
  ['an empty string', ''],
];

const languages: Array<[string, string]> = [
  ['Spanish', 'El servicio fue muy lento y nadie me llamó'],
  ['French', "Le service client n'a jamais répondu à mes appels"],
  ['German', 'Der Kundendienst war sehr unfreundlich und langsam'],
  ['Italian', 'Il servizio clienti non ha mai risposto'],
  ['Portuguese', 'O atendimento foi péssimo e ninguém resolveu'],
  ['Dutch', 'De klantenservice was erg traag en niemand belde terug'],
  ['Swedish', 'Kundtjänsten var mycket långsam och ingen ringde tillbaka'],
  ['Danish', 'Kundeservice var meget langsom og ingen ringede tilbage'],
  ['Norwegian', 'Kundeservice var veldig treg og ingen ringte tilbake'],
  ['Finnish', 'Asiakaspalvelu oli hidas eikä kukaan soittanut takaisin'],
  ['Polish', 'Obsługa klienta była bardzo wolna i nikt nie oddzwonił'],
  ['Czech', 'Zákaznický servis byl velmi pomalý a nikdo nezavolal'],
  ['Turkish', 'Müşteri hizmetleri çok yavaştı ve kimse geri aramadı'],
  ['Russian', 'Служба поддержки была очень медленной, никто не перезвонил'],
  ['Ukrainian', 'Служба підтримки була дуже повільною, ніхто не передзвонив'],
  ['Greek', 'Η εξυπηρέτηση πελατών ήταν πολύ αργή'],
  ['Arabic', 'كانت خدمة العملاء بطيئة جدا ولم يتصل بي أحد'],
  ['Hebrew', 'שירות הלקוחות היה איטי מאוד ואף אחד לא חזר אליי'],
  ['Japanese', 'カスタマーサービスはとても遅く、誰も折り返し電話をくれませんでした'],
  ['Chinese', '客服非常慢，没有人给我回电话'],
  ['Korean', '고객 서비스가 매우 느렸고 아무도 다시 전화하지 않았습니다'],
  ['Hindi', 'ग्राहक सेवा बहुत धीमी थी और किसी ने वापस फोन नहीं किया'],
  ['Thai', 'บริการลูกค้าช้ามากและไม่มีใครโทรกลับ'],
];

export function badInputCorpus(): BadInputCase[] {
  counter = 0;
  const cases: BadInputCase[] = [];
  const add = (c: BadInputCase) => cases.push(c);

  // Not JSON at all.
  for (const [name, body] of [
    ['an empty body', ''],
    ['whitespace', '   \n\t '],
    ['an open brace', '{'],
    ['a close brace', '}'],
    ['single quotes', "{'id':'a','text':'b'}"],
    ['a trailing comma', '{"id":"a","text":"b",}'],
    ['a bare word', 'undefined'],
    ['NaN', 'NaN'],
    ['a comment', '{"id":"a" /* c */,"text":"b"}'],
    ['two objects', '{"id":"a","text":"b"}{"id":"c","text":"d"}'],
    ['unquoted keys', '{id:"a",text:"b"}'],
    ['a truncated string', '{"id":"a","text":"cut off'],
    ['XML', '<feedback><id>a</id></feedback>'],
    ['CSV', 'id,text\na,b'],
    ['a byte order mark', '\uFEFF{"id":"bom","text":"x"}'],
    ['a lone backslash', '{"id":"a","text":"\\"}'],
    ['an invalid escape', '{"id":"a","text":"\\x41"}'],
    ['an HTML page', '<!doctype html><html><body>500</body></html>'],
    ['a number then garbage', '12abc'],
  ] as const) {
    add({ name: `not JSON: ${name}`, body, expected: invalidJson });
  }

  // SQS accepts only tab, line feed, carriage return and characters from U+0020 in a body.
  add({ name: 'raw control characters', body: '\u0001\u0002\u0003', expected: { outcome: 'unsendable' } });

  // JSON of the wrong shape.
  for (const [name, body] of [
    ['null', 'null'],
    ['true', 'true'],
    ['a number', '42'],
    ['a string', '"hello"'],
    ['an array', '[]'],
    ['an array of a message', '[{"id":"a","text":"b"}]'],
    ['an empty object', '{}'],
    ['an SNS envelope', JSON.stringify({ Type: 'Notification', Message: '{"id":"a","text":"b"}' })],
  ] as const) {
    add({ name: `wrong shape: ${name}`, body, expected: schema });
  }

  // Every field with every wrong type.
  const base = () => ({ id: nextId('field'), text: 'Waited an hour on hold', score: 3 });
  for (const field of [
    'id',
    'text',
    'score',
    'scale',
    'channel',
    'segment',
    'customerId',
    'submittedAt',
    'locale',
    'metadata',
  ]) {
    for (const [label, value] of wrongValues) {
      const fields: Record<string, unknown> = { ...base(), [field]: value };
      // These wrong values happen to be right for a few fields:
      const acceptable =
        (field === 'segment' && label === 'an object' && false) ||
        (field === 'metadata' && label === 'an object') ||
        (field === 'text' && label === 'an empty string');
      add(message(fields, acceptable ? stored : schema, `${field} as ${label}`));
    }
  }
  for (const dimension of ['department', 'team', 'agent', 'product', 'region']) {
    for (const [label, value] of wrongValues.filter(([l]) => l !== 'an object')) {
      add(
        message({ ...base(), segment: { [dimension]: value } }, schema, `segment.${dimension} as ${label}`),
      );
    }
    add(
      message(
        { ...base(), segment: { [dimension]: 'x'.repeat(129) } },
        schema,
        `segment.${dimension} too long`,
      ),
    );
  }
  add(message({ ...base(), segment: { colour: 'red' } }, schema, 'segment with an unknown key'));

  // Scores at and beyond the edges of each scale.
  for (const [scale, min, max] of [
    ['nps', 0, 10],
    ['csat', 1, 5],
    ['ces', 1, 7],
  ] as const) {
    add(
      message({ id: nextId(scale), text: 'ok', score: min, scale }, stored, `${scale} lowest score ${min}`),
    );
    add(
      message({ id: nextId(scale), text: 'ok', score: max, scale }, stored, `${scale} highest score ${max}`),
    );
    add(
      message(
        { id: nextId(scale), text: 'ok', score: min - 1, scale },
        schema,
        `${scale} score below ${min}`,
      ),
    );
    add(
      message(
        { id: nextId(scale), text: 'ok', score: max + 1, scale },
        schema,
        `${scale} score above ${max}`,
      ),
    );
    add(
      message(
        { id: nextId(scale), text: 'ok', score: min + 0.5, scale },
        schema,
        `${scale} fractional score`,
      ),
    );
  }
  add(message({ id: nextId('score'), text: 'ok', score: '7' }, schema, 'a score as a string'));
  add(message({ id: nextId('score'), text: 'ok', scale: 'nps' }, schema, 'a scale without a score'));
  add(message({ id: nextId('score'), text: 'ok', score: 3, scale: 'stars' }, schema, 'an unknown scale'));
  add({
    name: 'a score of 1e400',
    body: `{"id":"${nextId('score')}","text":"ok","score":1e400}`,
    expected: schema,
  });

  // Ids.
  add(message({ text: 'no id', score: 5 }, schema, 'a missing id'));
  for (const [name, id] of [
    ['with the key separator #', 'FEEDBACK#other'],
    ['with a space', 'a b'],
    ['129 characters', `a${'b'.repeat(128)}`],
    ['starting with a dot', '.hidden'],
    ['with unicode', 'café-1'],
    ['with a newline', 'a\nb'],
  ] as const) {
    add(message({ id, text: 'ok', score: 5 }, schema, `an id ${name}`));
  }
  add(message({ id: `a${'b'.repeat(127)}`, text: 'ok', score: 5 }, stored, 'an id of 128 characters'));
  add(
    message(
      { id: 'survey/2026/q3:resp+1@x.y_z-9', text: 'ok', score: 5 },
      stored,
      'an id with every allowed sign',
    ),
  );

  // Text.
  add(message({ id: nextId('text'), text: '' }, schema, 'empty text without a score'));
  add(message({ id: nextId('text'), text: '', score: 9 }, stored, 'empty text with a score'));
  add(
    message({ id: nextId('text'), text: '   \n\t  ', score: 2 }, stored, 'whitespace-only text with a score'),
  );
  add(
    message(
      { id: nextId('text'), text: 'x'.repeat(MAX_TEXT_LENGTH), score: 5 },
      stored,
      'text of exactly 250,000 characters (stored capped)',
    ),
  );
  add(
    message(
      { id: nextId('text'), text: 'x'.repeat(MAX_TEXT_LENGTH + 1), score: 5 },
      schema,
      'text of 250,001 characters',
    ),
  );
  for (const [name, text] of [
    ['HTML', '<b>Terrible</b> service <a href="http://x">link</a>'],
    ['a script tag', '<script>alert(document.cookie)</script> waited 2 hours'],
    ['SQL', "'; DROP TABLE feedback; -- the agent was rude"],
    ['a NoSQL operator', '{"$gt": ""} never called back'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder is the attack being tested
    ['a template string', '${process.env.SECRET} {{7*7}} #{1+1}'],
    ['null bytes', 'bad\u0000service\u0000'],
    ['control characters', 'line\u0007one\u001btwo\u0008'],
    ['a lone high surrogate', 'broken \ud800 text'],
    ['a lone low surrogate', 'broken \udc00 text'],
    ['right-to-left marks', '\u202eecivres derots\u202c slow'],
    ['zero-width characters', 'sl\u200bow\u200c ser\u200dvice\ufeff'],
    ['emoji only', '😡😡😡'],
    ['a family emoji', '👨‍👩‍👧‍👦 waited forever'],
    ['combining marks', 'Z̷̢a̶l̵g̸o̴ service'],
    ['an e-mail and a card', 'Refund to 4111 1111 1111 1111, mail jo@example.com'],
    ['very long words', `${'a'.repeat(5000)} ${'b'.repeat(4000)}`],
    ['many lines', Array.from({ length: 500 }, (_, i) => `line ${i}`).join('\n')],
    ['Windows line ends', 'first\r\nsecond\r\n'],
    ['tabs only', '\t\t\t'],
    ['a URL', 'see https://example.com/path?q=1&r=2#frag'],
  ] as const) {
    add(message({ id: nextId('text'), text, score: 2 }, stored, `text with ${name}`));
  }
  for (const [language, text] of languages) {
    add(message({ id: nextId('lang'), text, score: 3 }, stored, `text in ${language}`));
  }

  // Other fields at their edges.
  add(message({ ...base(), submittedAt: '2026-11-20' }, stored, 'submittedAt as a date'));
  add(message({ ...base(), submittedAt: '2026-11-20T10:15:00+05:30' }, stored, 'submittedAt with an offset'));
  add(message({ ...base(), submittedAt: '2026-13-40T99:99:99Z' }, schema, 'submittedAt that is no date'));
  add(message({ ...base(), submittedAt: '20/11/2026' }, schema, 'submittedAt in a local format'));
  add(message({ ...base(), submittedAt: '9999-12-31' }, schema, 'submittedAt as a "no date" placeholder'));
  add(message({ ...base(), updatedAt: '2099-01-01T00:00:00Z' }, schema, 'updatedAt with a mistyped year'));
  add(message({ ...base(), locale: 'en-GB' }, stored, 'a BCP 47 locale'));
  add(message({ ...base(), locale: 'English' }, schema, 'a locale that is a name'));
  add(message({ ...base(), metadata: { survey: 'q3', tags: ['a', 'b'] } }, stored, 'free metadata'));
  add(message({ ...base(), metadata: { blob: 'x'.repeat(5000) } }, schema, 'metadata over 4 KB'));
  let nested: Record<string, unknown> = { leaf: true };
  for (let depth = 0; depth < 100; depth++) nested = { n: nested };
  add(message({ ...base(), metadata: nested }, stored, 'metadata nested 100 deep'));
  add({
    name: 'metadata nested 5,000 deep',
    body: `{"id":"${nextId('deep')}","text":"x","score":3,"metadata":{"deep":${'['.repeat(5000)}1${']'.repeat(5000)}}}`,
    expected: schema,
  });
  add({
    name: 'a __proto__ key at the top',
    body: `{"id":"${nextId('proto')}","text":"x","score":3,"__proto__":{"polluted":true}}`,
    expected: schema,
  });
  add({
    name: 'a constructor key at the top',
    body: `{"id":"${nextId('proto')}","text":"x","score":3,"constructor":{"prototype":{"polluted":true}}}`,
    expected: schema,
  });
  const protoId = nextId('proto');
  add({
    name: 'a __proto__ key inside metadata',
    body: `{"id":"${protoId}","text":"x","score":3,"metadata":{"__proto__":{"polluted":true}}}`,
    expected: stored,
    id: protoId,
  });
  add(message({ ...base(), misspelt: 1, scroe: 3 }, schema, 'unknown top-level keys'));

  // Size.
  add(
    message(
      { ...base(), text: 'y'.repeat(200_000) },
      stored,
      'a 200 KB body (a long comment, stored capped)',
    ),
  );
  // The queue may take it (SQS now allows up to 1 MiB; sendFeedback itself stops at 256 KB): the
  // pipeline must still reject it with a reason rather than choke on it.
  add(message({ ...base(), text: 'z'.repeat(270_000) }, schema, 'a body over 256 KB (text over the limit)'));

  // The same id twice: the first one stored wins; the second is kept as an id conflict reject.
  const twice = nextId('twice');
  add(message({ id: twice, text: 'first version', score: 1 }, stored, 'an id sent first'));
  add(
    message(
      { id: twice, text: 'second, different version', score: 10 },
      { outcome: 'rejected', reason: 'id conflict' },
      'the same id with other content',
    ),
  );

  return cases;
}
