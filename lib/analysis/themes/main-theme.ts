import type { ThemeMatch } from '../feedback-analysis.js';
import { oncePerObject } from '../once-per-object.js';
import type { ThemeTaxonomy } from './theme-taxonomy.js';

/** Evidence a theme is credited for being told in the first sentence: people lead with their point. */
const LEAD_CREDIT = 2;

const backdropsOf = oncePerObject(
  (taxonomy: ThemeTaxonomy): ReadonlySet<string> =>
    new Set(taxonomy.themes.filter((theme) => theme.backdrop).map((theme) => theme.id)),
);

/** Where the theme's first piece of evidence stands in the text (evidence is cut from it, in order). */
function firstAt(text: string, theme: ThemeMatch): number {
  const at = text.indexOf(theme.evidence[0] ?? '');
  return at < 0 ? text.length : at;
}

/** Where the first sentence ends: at its stop, or at the first line break. */
function firstSentenceEnd(text: string): number {
  return /[.!?\n](\s|$)/.exec(text)?.index ?? text.length;
}

/**
 * The comment's main theme: a long complaint names several (a rude agent, a fee, a delay) but is
 * about one. It is the main problem when any theme is found negative, else the main subject (a
 * question about a refund is about the refund). A backdrop theme (the wait, the chasing, the threat
 * to leave) is main only when nothing else is told: "my bill was wrong and I called three times" is
 * about the bill. Of the rest, the one told with the most evidence, a theme told in the first sentence
 * counting `LEAD_CREDIT` more; on a tie, the one told first. None when no theme was found.
 */
export function chooseMainTheme(
  text: string,
  themes: readonly ThemeMatch[],
  taxonomy: ThemeTaxonomy,
): ThemeMatch | undefined {
  // The gate has no callbacks: a function that makes a closure allocates its context as it starts, even
  // on the way out, and most comments have one theme or none.
  if (themes.length <= 1) return themes[0];
  return chooseAmong(text, themes, taxonomy);
}

/** `chooseMainTheme` of two or more themes. */
function chooseAmong(
  text: string,
  themes: readonly ThemeMatch[],
  taxonomy: ThemeTaxonomy,
): ThemeMatch | undefined {
  const problem = themes.some((theme) => theme.sentiment === 'negative');
  const candidates = themes.filter((theme) => !problem || theme.sentiment === 'negative');
  const backdrops = backdropsOf(taxonomy);
  const foreground = candidates.filter((theme) => !backdrops.has(theme.id));
  const pool = foreground.length > 0 ? foreground : candidates;
  // One theme left (often the one found negative) is the main one: no need to find where it is told.
  if (pool.length === 1) return pool[0];
  const leadEnd = firstSentenceEnd(text);
  let main: ThemeMatch | undefined;
  let mainAt = 0;
  let mainTold = 0;
  for (const theme of pool) {
    const at = firstAt(text, theme);
    const told = theme.evidence.length + (at < leadEnd ? LEAD_CREDIT : 0);
    if (main === undefined || told > mainTold || (told === mainTold && at < mainAt)) {
      main = theme;
      mainAt = at;
      mainTold = told;
    }
  }
  return main;
}
