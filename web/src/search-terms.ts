/**
 * Whether a search holds what looks like personal data: an at sign (an e-mail address) or a run of
 * six digits or more (a phone, card or account number), in any script and with any separators. Comments are stored
 * with such identifiers replaced (`[EMAIL]`, `[PHONE]`, ...), so the search could never find them,
 * and the inbox keeps its search in the URL: the page's address, the browser's history and the place
 * "Back to the inbox" returns to would hold a customer's e-mail address.
 */
export function looksPersonal(search: string): boolean {
  const text = search.normalize('NFKC');
  // Digits of any script, with at most three separators of any kind (dashes, slashes, spaces,
  // invisible characters) between two of them: how people write phone and card numbers.
  return text.includes('@') || /\p{Nd}(?:[^\p{L}\p{Nd}]{0,3}\p{Nd}){5,}/u.test(text);
}

/** What the inbox says instead of searching for it. */
export const PERSONAL_SEARCH_MESSAGE =
  'Comments are stored without personal data: search for [EMAIL], [PHONE] or [CARD] instead of the value itself.';
