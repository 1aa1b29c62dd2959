/** CSAT over a period: responses, % satisfied (4-5 of 5) and the mean score; nulls without responses. */
export interface CsatFigures {
  responses: number;
  satisfiedPercent: number | null;
  mean: number | null;
}

/** CES over a period: responses, the mean score (1-7, higher is easier) and % high effort (1-3). */
export interface CesFigures {
  responses: number;
  mean: number | null;
  highEffortPercent: number | null;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Summed CSAT counters as figures. Null rather than 0 when nobody answered: 0% is a measurement. */
export function csatFromCounts(responses: number, satisfied: number, scoreSum: number): CsatFigures {
  if (responses === 0) return { responses, satisfiedPercent: null, mean: null };
  return {
    responses,
    satisfiedPercent: round2((satisfied / responses) * 100),
    mean: round2(scoreSum / responses),
  };
}

/** Summed CES counters as figures. */
export function cesFromCounts(responses: number, highEffort: number, scoreSum: number): CesFigures {
  if (responses === 0) return { responses, mean: null, highEffortPercent: null };
  return {
    responses,
    mean: round2(scoreSum / responses),
    highEffortPercent: round2((highEffort / responses) * 100),
  };
}
