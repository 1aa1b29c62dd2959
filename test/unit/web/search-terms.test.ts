import { describe, expect, it } from 'vitest';
import { looksPersonal } from '../../../web/src/search-terms.js';
import { PII_CORPUS } from '../../support/pii-corpus.js';

describe('looksPersonal: what the inbox search keeps out of the URL', () => {
  it.each(
    PII_CORPUS.filter(
      ({ name }) => /^(card|phone|e-mail), /.test(name) && !/spelled|said|percent|escape/.test(name),
    ),
  )('$name', ({ form }) => {
    expect(looksPersonal(form)).toBe(true);
  });

  it.each(['refund', 'waited 45 minutes', 'order 12345', '[EMAIL]', 'call back 2024', 'ＡＢＣ'])(
    'lets an ordinary search through: %s',
    (search) => {
      expect(looksPersonal(search)).toBe(false);
    },
  );
});
