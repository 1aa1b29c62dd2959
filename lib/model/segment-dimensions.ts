/** The segment fields a report can be cut by; each has its own counters (docs/table-design.md). */
export const SEGMENT_DIMENSIONS = ['department', 'team', 'agent', 'product'] as const;
export type SegmentDimension = (typeof SEGMENT_DIMENSIONS)[number];
