import type { NpsFigures } from '../reports/feedback-report.js';
import type { StoredFeedbackReport } from '../reports/read-feedback-report.js';

const npsText = (nps: number | null) => (nps === null ? '   n/a' : nps.toFixed(2).padStart(7));

const percent = (share: number) => `${Math.round(share * 100)}%`;

const figure = (value: number | null, width: number, suffix = '') =>
  (value === null ? 'n/a' : `${value.toFixed(value % 1 === 0 ? 0 : 1)}${suffix}`).padStart(width);

function npsRow(label: string, figures: NpsFigures): string {
  const { csat, ces } = figures;
  return (
    `  ${label.slice(0, 30).padEnd(30)}${npsText(figures.nps)}${String(figures.responses).padStart(11)}` +
    `${String(figures.promoters).padStart(11)}${String(figures.passives).padStart(10)}${String(figures.detractors).padStart(12)}` +
    `${String(csat.responses).padStart(8)}${figure(csat.satisfiedPercent, 8, '%')}${figure(csat.mean, 6)}` +
    `${String(ces.responses).padStart(8)}${figure(ces.mean, 6)}${figure(ces.highEffortPercent, 8, '%')}`
  );
}

/** `closeloop report` without `--json`: the same figures as readable tables. */
export function formatReport(report: StoredFeedbackReport): string {
  const lines = [
    `closeloop report ${report.from} .. ${report.to}`,
    '',
    `  ${''.padEnd(30)}    NPS  responses  promoters  passives  detractors    CSAT %satisf  mean     CES  mean   %high`,
    npsRow('Overall', report.overall),
  ];
  if (report.by) {
    lines.push('', `  By ${report.by}`);
    for (const segment of report.segments) lines.push(npsRow(segment.key, segment));
  }
  if (report.themes.length > 0) {
    lines.push(
      '',
      `  ${'Theme drivers'.padEnd(34)}mentions  negative  in detractors  NPS impact  vs previous period`,
    );
    for (const theme of report.themes.slice(0, 15)) {
      const change = theme.mentionsChange > 0 ? `+${theme.mentionsChange}` : String(theme.mentionsChange);
      lines.push(
        `  ${theme.label.slice(0, 32).padEnd(32)}${String(theme.mentions).padStart(10)}` +
          `${percent(theme.negativeShare).padStart(10)}${String(theme.detractorMentions).padStart(14)}` +
          `${theme.npsImpact.toFixed(2).padStart(12)}${change.padStart(20)}`,
      );
    }
  }
  const loop = report.closeTheLoop;
  const rate = loop.withinSlaRate === null ? 'n/a' : percent(loop.withinSlaRate);
  lines.push(
    '',
    `  Close the loop: ${loop.opened} follow-ups opened${loop.tooOldToFollowUp > 0 ? ` (${loop.tooOldToFollowUp} more too old to follow up)` : ''}, ${loop.contacted} contacted (${rate} within SLA, ` +
      `median ${loop.medianTimeToContact ?? 'n/a'}), ${loop.resolved} resolved, ${loop.overdueNow} overdue now`,
  );
  // Both ways, as the dashboard shows them: how often a predicted theme was the cause, and how often a
  // cause was predicted (a frequent cause seldom predicted is a theme the taxonomy misses).
  for (const { theme, predicted, agreed, rate } of loop.rootCauseAgreement.slice(0, 10)) {
    lines.push(
      `    predicted ${theme}: confirmed as root cause ${agreed} of ${predicted} (${percent(rate)})`,
    );
  }
  for (const { rootCause, resolved, predicted, rate } of loop.rootCausePrediction.slice(0, 10)) {
    lines.push(`    resolved as ${rootCause}: predicted ${predicted} of ${resolved} (${percent(rate)})`);
  }
  lines.push('', `  Open follow-ups: ${report.followUpsOpen}    Rejected messages: ${report.rejected}`, '');
  return lines.join('\n');
}

/** The latest id conflicts under the report: each names the id and both content fingerprints. */
export function formatIdConflicts(
  conflicts: ReadonlyArray<{ receivedAt: string; issues: string[] }>,
): string {
  if (conflicts.length === 0) return '';
  const lines = [
    `  Id conflicts (an id sent again with different content; not stored): ${conflicts.length} latest`,
  ];
  for (const conflict of conflicts) lines.push(`  - ${conflict.receivedAt}: ${conflict.issues[0] ?? ''}`);
  return `${lines.join('\n')}\n\n`;
}
