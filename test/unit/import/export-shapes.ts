/**
 * Builds survey exports in the shape the tools write them, for tests: header rows, column names,
 * date and answer formats as in their CSV downloads. Rows are `[score, comment]` pairs plus an index.
 */

export type Row = { score: number; comment: string };

const csvCell = (value: string) => (/[",\n\r;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const csvLine = (cells: string[]) => cells.map(csvCell).join(',');

/** Qualtrics: field ids, question texts, then ImportId JSON; NPS as Q1 with Q1_NPS_GROUP. */
export function qualtricsExport(rows: Row[]): string {
  const ids = [
    'StartDate',
    'EndDate',
    'Status',
    'IPAddress',
    'Progress',
    'Duration (in seconds)',
    'Finished',
    'RecordedDate',
    'ResponseId',
    'RecipientLastName',
    'RecipientFirstName',
    'RecipientEmail',
    'ExternalReference',
    'LocationLatitude',
    'LocationLongitude',
    'DistributionChannel',
    'UserLanguage',
    'Q1',
    'Q1_NPS_GROUP',
    'Q2',
  ];
  const texts = [
    'Start Date',
    'End Date',
    'Response Type',
    'IP Address',
    'Progress',
    'Duration (in seconds)',
    'Finished',
    'Recorded Date',
    'Response ID',
    'Recipient Last Name',
    'Recipient First Name',
    'Recipient Email',
    'External Data Reference',
    'Location Latitude',
    'Location Longitude',
    'Distribution Channel',
    'User Language',
    'How likely are you to recommend Acme to a friend or colleague?',
    'How likely are you to recommend Acme to a friend or colleague? - Group',
    'Why did you give that score?',
  ];
  const importIds = ids.map((id) =>
    JSON.stringify({ ImportId: id === 'Q2' ? 'QID2_TEXT' : id.replace(/^Q/, 'QID') }),
  );
  const lines = [csvLine(ids), csvLine(texts), csvLine(importIds)];
  rows.forEach(({ score, comment }, i) => {
    const group = score >= 9 ? 'Promoter' : score >= 7 ? 'Passive' : 'Detractor';
    lines.push(
      csvLine([
        '2026-11-04 05:20:01',
        '2026-11-04 05:30:12',
        'IP Address',
        '203.0.113.5',
        '100',
        '611',
        'True',
        `2026-11-04 05:${String(i % 60).padStart(2, '0')}:13`,
        `R_${i}abcDEF`,
        'Smith',
        'Jo',
        'jo@example.com',
        `CUST-${i}`,
        '51.5',
        '-0.1',
        'email',
        'EN',
        String(score),
        group,
        comment,
      ]),
    );
  });
  return `${lines.join('\r\n')}\r\n`;
}

/** SurveyMonkey: question row and "Response" row; labelled NPS answers; US dates with AM/PM. */
export function surveyMonkeyExport(rows: Row[]): string {
  const top = [
    'Respondent ID',
    'Collector ID',
    'Start Date',
    'End Date',
    'IP Address',
    'Email Address',
    'First Name',
    'Last Name',
    'Custom Data 1',
    'How likely is it that you would recommend Acme to a friend or colleague?',
    'What is the main reason for your score?',
    'Which team helped you?',
    '',
  ];
  const sub = [
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    'Response',
    'Open-Ended Response',
    'Billing',
    'Other (please specify)',
  ];
  const labels: Record<number, string> = { 0: '0 - Not at all likely', 10: '10 - Extremely likely' };
  const lines = [csvLine(top), csvLine(sub)];
  rows.forEach(({ score, comment }, i) => {
    lines.push(
      csvLine([
        String(114239876500 + i),
        '431234567',
        '11/04/2026 05:20:01 AM',
        '11/04/2026 05:30:12 PM',
        '203.0.113.5',
        '',
        '',
        '',
        '',
        labels[score] ?? String(score),
        comment,
        i % 2 ? 'Billing' : '',
        '',
      ]),
    );
  });
  return `${lines.join('\r\n')}\r\n`;
}

/** Typeform: "#" token, question titles, Start/Submit Date (UTC), Network ID. */
export function typeformExport(rows: Row[]): string {
  const lines = [
    csvLine([
      '#',
      'How likely are you to recommend us to a friend?',
      "What's the main reason for your score?",
      'Start Date (UTC)',
      'Submit Date (UTC)',
      'Network ID',
    ]),
  ];
  rows.forEach(({ score, comment }, i) => {
    lines.push(
      csvLine([`tok${i}x9`, String(score), comment, '2026-11-04 05:20:01', '2026-11-04 05:30:12', 'a1b2c3']),
    );
  });
  return `${lines.join('\n')}\n`;
}

/** Medallia-style: Survey ID, Response Date, Likelihood to Recommend, LTR Comment, Unit, Region. */
export function medalliaExport(rows: Row[]): string {
  const lines = [
    csvLine([
      'Survey ID',
      'Response Date',
      'Likelihood to Recommend',
      'LTR Comment',
      'Unit',
      'Region',
      'Email',
    ]),
  ];
  rows.forEach(({ score, comment }, i) => {
    lines.push(
      csvLine([
        String(900000 + i),
        '2026-11-04',
        String(score),
        comment,
        'Store 12',
        'North',
        'x@example.com',
      ]),
    );
  });
  return `${lines.join('\n')}\n`;
}

export const sampleRows: Row[] = [
  { score: 0, comment: 'Waited 40 minutes, then cut off. Cancelling.' },
  { score: 10, comment: 'Sorted in minutes, lovely agent' },
  { score: 7, comment: 'Fine, but "hold music" was awful' },
];
