/**
 * What `JSON.parse` says about a broken input, without the excerpt of the input that V8 quotes
 * (`Unexpected token 'j', "john.doe@e"... is not valid JSON`): the excerpt is cut at ten characters,
 * so it can hold a fragment of an e-mail address or a phone number too short for the redaction gate to
 * recognise. The rest of the message (the token, the position) is what an operator needs.
 */
export function describeJsonError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const withoutExcerpt = message.replace(/(?:, )?(?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '');
  return withoutExcerpt === '' ? 'not valid JSON' : withoutExcerpt;
}
