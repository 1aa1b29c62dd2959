import { redactPii } from '../analysis/privacy/redact-pii.js';
import { type RatingScale, ratingScaleRange } from '../feedback/feedback-message.js';
import type { ParsedCell } from './parse-date.js';

function scaleWords(scale: RatingScale): string {
  const { min, max } = ratingScaleRange[scale];
  return `the ${scale} scale takes whole numbers from ${min} to ${max}`;
}

/**
 * A score cell as a number: `7`, `7.0`, or a labelled answer as SurveyMonkey exports them
 * (`10 - Extremely likely`). Decimals and words are errors that name the scale; range is left to the
 * message schema, which names it too.
 */
export function parseScore(cell: string, scale: RatingScale = 'nps'): ParsedCell<number> {
  const raw = cell.trim();
  const whole = /^[+-]?\d+$/.exec(raw) ?? /^(\d+)\s*[-–—:]\s*\D/.exec(raw);
  if (whole) return { value: Number(whole[1] ?? whole[0]) };
  const decimal = /^([+-]?\d+)[.,](\d+)$/.exec(raw);
  if (decimal) {
    if (/^0+$/.test(decimal[2] as string)) return { value: Number(decimal[1]) };
    return { error: `score "${redactPii(raw)}" is not a whole number: ${scaleWords(scale)}` };
  }
  return { error: `score "${redactPii(raw)}" is not a number: ${scaleWords(scale)}` };
}
