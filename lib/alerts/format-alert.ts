import type { DetractorAlert } from './detractor-alert.js';

/** SNS subjects are limited to 100 characters. */
const MAX_SUBJECT = 100;

/** The e-mail/chat version of an alert: subject and a short plain-text body (redacted text only). */
export function formatAlert(alert: DetractorAlert): { subject: string; message: string } {
  const where = alert.segment?.department ? ` (${alert.segment.department})` : '';
  const subject = `Unhappy customer, priority ${alert.priority}${where}`.slice(0, MAX_SUBJECT);
  const score =
    alert.score === null ? 'no score' : `score ${alert.score}${alert.scale ? ` (${alert.scale})` : ''}`;
  const lines = [
    `Feedback ${alert.id}: ${score}, priority ${alert.priority}`,
    `Why: ${alert.reasons.join('; ') || 'negative comment'}`,
    ...(alert.themes.length > 0 ? [`Themes: ${alert.themes.join(', ')}`] : []),
    ...(alert.segment?.agent ? [`Agent: ${alert.segment.agent}`] : []),
    '',
    `"${alert.redactedText}"`,
    '',
    alert.dueAt ? `First contact due by ${alert.dueAt}.` : 'Please follow up.',
  ];
  return { subject, message: lines.join('\n') };
}
