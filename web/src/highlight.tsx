import type { ThemeMatch } from './api';

interface Span {
  start: number;
  end: number;
  theme: Pick<ThemeMatch, 'label' | 'sentiment'>;
}

/**
 * Where each evidence phrase stands in the text (case-insensitive, first unused place), overlaps
 * dropped: the comment is shown as is, with the words that made each theme marked.
 */
export function evidenceSpans(
  text: string,
  themes: ReadonlyArray<Pick<ThemeMatch, 'label' | 'sentiment' | 'evidence'>>,
): Span[] {
  const lower = text.toLocaleLowerCase();
  const spans: Span[] = [];
  for (const theme of themes) {
    for (const phrase of theme.evidence) {
      const needle = phrase.toLocaleLowerCase().trim();
      if (!needle) continue;
      let from = 0;
      while (from <= lower.length) {
        const start = lower.indexOf(needle, from);
        if (start < 0) break;
        const end = start + needle.length;
        if (!spans.some((s) => start < s.end && end > s.start)) {
          spans.push({ start, end, theme });
          break;
        }
        from = start + 1;
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The comment with its evidence marked; each mark names its theme and sentiment. */
export function HighlightedText({
  text,
  themes,
}: {
  text: string;
  themes: ReadonlyArray<Pick<ThemeMatch, 'label' | 'sentiment' | 'evidence'>>;
}) {
  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  for (const span of evidenceSpans(text, themes)) {
    if (span.start > at) parts.push(text.slice(at, span.start));
    parts.push(
      <mark
        key={span.start}
        class={`evidence evidence-${span.theme.sentiment}`}
        title={`${span.theme.label} (${span.theme.sentiment})`}
      >
        {text.slice(span.start, span.end)}
        <span class="visually-hidden"> [{span.theme.label}]</span>
      </mark>,
    );
    at = span.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <p class="comment">{parts}</p>;
}
