import type { ThemeMatch } from '../feedback-analysis.js';

/** Where the theme's first piece of evidence stands in the text (evidence is cut from it, in order). */
function firstAt(text: string, theme: ThemeMatch): number {
  const at = text.indexOf(theme.evidence[0] ?? '');
  return at < 0 ? text.length : at;
}

/**
 * The comment's main theme: a long complaint names several (a rude agent, a fee, a delay) but is
 * about one. It is the main problem when any theme is found negative, else the main subject (a
 * question about a refund is about the refund): of those, the one told with the most evidence; on a
 * tie, the one told first (people lead with what they came to say). None when no theme was found.
 */
export function chooseMainTheme(text: string, themes: readonly ThemeMatch[]): ThemeMatch | undefined {
  const problem = themes.some((theme) => theme.sentiment === 'negative');
  let main: ThemeMatch | undefined;
  let mainAt = 0;
  for (const theme of themes) {
    if (problem && theme.sentiment !== 'negative') continue;
    const at = firstAt(text, theme);
    const told = theme.evidence.length;
    if (main === undefined || told > main.evidence.length || (told === main.evidence.length && at < mainAt)) {
      main = theme;
      mainAt = at;
    }
  }
  return main;
}
