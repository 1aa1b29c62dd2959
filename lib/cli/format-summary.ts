import type { AnalysisSummary } from '../reports/summarize-analyses.js';

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`;
}

/** The human summary printed after `closeloop analyze`: plain text tables, widest reader first. */
export function formatSummary(summary: AnalysisSummary, counts: { read: number; failed: number }): string {
  const lines: string[] = [];
  lines.push(`closeloop: ${counts.read} lines read, ${summary.analysed} analysed, ${counts.failed} failed`);
  const { nps } = summary;
  if (nps.responses > 0) {
    lines.push(
      `NPS ${nps.score?.toFixed(2)} from ${nps.responses} responses ` +
        `(${nps.promoters} promoters, ${nps.passives} passives, ${nps.detractors} detractors)`,
    );
  }
  const { negative, neutral, positive } = summary.sentiment;
  lines.push(
    `Sentiment: ${negative} negative (${percent(negative, summary.analysed)}), ` +
      `${neutral} neutral (${percent(neutral, summary.analysed)}), ${positive} positive (${percent(positive, summary.analysed)})`,
  );
  if (summary.themes.length > 0) {
    lines.push('', 'Top themes                          mentions  negative  share of detractors');
    for (const theme of summary.themes.slice(0, 10)) {
      lines.push(
        `  ${theme.label.padEnd(34)}${String(theme.mentions).padStart(8)}${String(theme.negative).padStart(10)}` +
          `${percent(theme.detractorMentions, summary.detractors).padStart(21)}`,
      );
    }
  }
  lines.push('', `Follow-ups required: ${summary.followUpsRequired}`);
  for (const followUp of summary.topFollowUps) {
    lines.push(
      `  ${String(followUp.priority).padStart(3)}  ${followUp.id.padEnd(24)} ${followUp.reasons.join(', ')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
