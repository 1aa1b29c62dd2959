import type { FeedbackReport, NpsFigures } from '../reports/feedback-report.js';

const npsText = (nps: number | null) => (nps === null ? '   n/a' : nps.toFixed(2).padStart(7));

function npsRow(label: string, figures: NpsFigures): string {
  return (
    `  ${label.slice(0, 30).padEnd(30)}${npsText(figures.nps)}${String(figures.responses).padStart(11)}` +
    `${String(figures.promoters).padStart(11)}${String(figures.passives).padStart(10)}${String(figures.detractors).padStart(12)}`
  );
}

/** `closeloop report` without `--json`: the same figures as readable tables. */
export function formatReport(report: FeedbackReport): string {
  const lines = [
    `closeloop report ${report.from} .. ${report.to}`,
    '',
    `  ${''.padEnd(30)}    NPS  responses  promoters  passives  detractors`,
    npsRow('Overall', report.overall),
  ];
  if (report.by) {
    lines.push('', `  By ${report.by}`);
    for (const segment of report.segments) lines.push(npsRow(segment.key, segment));
  }
  if (report.themes.length > 0) {
    lines.push('', `  ${'Themes (by detractor mentions)'.padEnd(36)}mentions  negative  in detractors`);
    for (const theme of report.themes.slice(0, 15)) {
      lines.push(
        `  ${theme.label.slice(0, 34).padEnd(34)}${String(theme.mentions).padStart(10)}` +
          `${String(theme.negative).padStart(10)}${String(theme.detractorMentions).padStart(15)}`,
      );
    }
  }
  lines.push('', `  Open follow-ups: ${report.followUpsOpen}    Rejected messages: ${report.rejected}`, '');
  return lines.join('\n');
}
