import type { ApiRoute } from './api-route.js';
import {
  bulkFollowUpRoute,
  followUpActionRoutes,
  getFeedbackRoute,
  listFollowUpsRoute,
} from './routes/follow-up-routes.js';
import {
  inboxExportRoute,
  inboxRoute,
  relatedFeedbackRoute,
  taxonomyThemesRoute,
} from './routes/inbox-routes.js';
import {
  feedbackExportRoute,
  followUpReportRoute,
  npsReportRoute,
  npsTrendRoute,
  rejectedListRoute,
  rejectsRoute,
  themeCommentsRoute,
  themesReportRoute,
} from './routes/report-routes.js';

/**
 * Every route of the API, declared once: the router registers these (functions/api/api-router.ts)
 * and the CDK construct gives each one an API Gateway route (infra/constructs/follow-up-api.ts), so
 * a route added here is served locally and deployed alike. To add one: write it with `defineRoute`
 * in routes/ and list it here.
 */
export const apiRoutes: readonly ApiRoute[] = [
  // The follow-up workflow.
  listFollowUpsRoute,
  getFeedbackRoute,
  ...followUpActionRoutes,
  bulkFollowUpRoute,
  // Reports.
  npsReportRoute,
  themesReportRoute,
  followUpReportRoute,
  rejectsRoute,
  // The web app's inbox.
  inboxRoute,
  inboxExportRoute,
  relatedFeedbackRoute,
  taxonomyThemesRoute,
  // The web app's dashboard.
  npsTrendRoute,
  themeCommentsRoute,
  rejectedListRoute,
  feedbackExportRoute,
];
