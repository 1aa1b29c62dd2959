import * as z from 'zod';
import { SEGMENT_DIMENSIONS } from '../model/segment-dimensions.js';

const GROUPINGS = [...SEGMENT_DIMENSIONS, 'day', 'week'] as const;

const day = z.iso.date({ error: 'must be a date as yyyy-mm-dd' });

/**
 * The period and grouping of a report, as the API's query string and the CLI's options give them.
 * One schema for both edges, so `--by` and `?by=` accept and refuse the same values.
 */
export const reportQuerySchema = z
  .strictObject({
    from: day.optional(),
    to: day.optional(),
    by: z.enum(GROUPINGS, { error: `must be one of ${GROUPINGS.join(', ')}` }).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'must not be after the "to" date',
    path: ['from'],
  });

export type ReportQuery = z.infer<typeof reportQuerySchema>;
