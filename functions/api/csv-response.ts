import type { CsvPage } from '../../lib/reports/csv-writer.js';

/**
 * The header that carries the cursor of an export's next page. An export is answered page by page
 * (each well inside Lambda's time and response-size limits); the web app follows the cursors and
 * joins the pages into one file.
 */
export const NEXT_CURSOR_HEADER = 'x-closeloop-next-cursor';

/**
 * The header an inbox export page names, comma-separated, the statuses it could not read in full
 * (over the inbox's 2,000 per status): the file is then not the whole view, and the reader is told.
 */
export const TRUNCATED_HEADER = 'x-closeloop-truncated';

/** One page of a CSV export as the response: a download with its file name, never cached. */
export function csvResponse(page: CsvPage, fileName: string): Response {
  return new Response(page.csv, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
      ...(page.cursor && { [NEXT_CURSOR_HEADER]: page.cursor }),
    },
  });
}
