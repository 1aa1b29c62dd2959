import { redactPii } from '../analysis/privacy/redact-pii.js';
/** Day-month or month-day order of `04/11/2026`-style dates, which the text alone cannot tell. */
export type DateOrder = 'dmy' | 'mdy';

export type ParsedCell<T> = { value: T } | { error: string };

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const SLASHED =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

const pad = (n: number) => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

interface Parts {
  year: number;
  month: number;
  day: number;
  time?: { hour: number; minute: number; second: number; fraction: string; zone: string };
}

function format(parts: Parts, raw: string): ParsedCell<string> {
  const { year, month, day, time } = parts;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
    return { error: `submittedAt "${redactPii(raw)}" is not a calendar date` };
  }
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (!time) return { value: date };
  if (time.hour > 23 || time.minute > 59 || time.second > 59) {
    return { error: `submittedAt "${redactPii(raw)}" is not a time of day` };
  }
  return {
    value: `${date}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}${time.fraction}${time.zone}`,
  };
}

/** `+0100` and `+01` as the `+01:00` the message schema takes; no zone means UTC. */
function zoneOf(zone: string | undefined): string {
  if (!zone || zone.toUpperCase() === 'Z') return 'Z';
  const digits = zone.slice(1).replace(':', '');
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}

/**
 * A submission date as the message schema wants it (ISO 8601 date-time with offset, or a date), from
 * what exports write: ISO with or without `T`, seconds or zone (`2026-11-04 05:30`, taken as UTC), or
 * `04/11/2026 05:30[:12] [AM]` when `order` says which number is the day.
 */
export function parseSubmittedAt(cell: string, order?: DateOrder): ParsedCell<string> {
  const raw = cell.trim();
  const iso = ISO.exec(raw);
  if (iso) {
    const [, y, mo, d, h, mi, s, fraction, zone] = iso;
    return format(
      {
        year: Number(y),
        month: Number(mo),
        day: Number(d),
        ...(h !== undefined && {
          time: {
            hour: Number(h),
            minute: Number(mi),
            second: Number(s ?? 0),
            fraction: fraction ?? '',
            zone: zoneOf(zone),
          },
        }),
      },
      raw,
    );
  }
  const slashed = SLASHED.exec(raw);
  if (slashed) {
    const [, first, second, y, h, mi, s, meridiem] = slashed;
    if (!order) {
      return {
        error: `submittedAt "${redactPii(raw)}": day and month order unknown: pass --date-format dmy (04/11 = 4 November) or mdy (04/11 = April 11)`,
      };
    }
    let hour = Number(h ?? 0);
    if (meridiem) {
      if (hour < 1 || hour > 12) return { error: `submittedAt "${redactPii(raw)}" is not a time of day` };
      hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
    }
    const [day, month] = order === 'dmy' ? [first, second] : [second, first];
    return format(
      {
        year: Number(y),
        month: Number(month),
        day: Number(day),
        ...(h !== undefined && {
          time: { hour, minute: Number(mi), second: Number(s ?? 0), fraction: '', zone: 'Z' },
        }),
      },
      raw,
    );
  }
  return {
    error: `submittedAt "${redactPii(raw)}" is not a date: use ISO 8601 (2026-11-04 or 2026-11-04 05:30) or dd/mm/yyyy with --date-format`,
  };
}
