import * as z from 'zod';

// Control, format (zero-width, bidi overrides and isolates), private-use and line/paragraph separators:
// invisible or direction-changing characters that make two names look alike or a list unreadable.
const INVISIBLE_OR_CONTROL = /[\p{Cc}\p{Cf}\p{Co}\p{Zl}\p{Zp}]/u;

/**
 * A person's name as the team gives it (owner) or as the caller is named (actor): well-formed Unicode,
 * NFC (so a composed and a decomposed "ána" are one owner), no control or invisible characters, no
 * U+FFFD (a header that was not UTF-8), 1-128 characters after trimming.
 */
export const personNameSchema = z
  .string()
  .refine((name) => name.isWellFormed(), 'must be well-formed Unicode (no lone surrogates)')
  .transform((name) => name.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .max(128, 'must be at most 128 characters')
      .refine((name) => !INVISIBLE_OR_CONTROL.test(name), 'must not hold control or invisible characters')
      .refine((name) => !name.includes('\uFFFD'), 'must be valid UTF-8 text'),
  );
