import { NotFoundError } from '@aws-lambda-powertools/event-handler/http';
import * as z from 'zod';
import { bulkFollowUpSchema, changeFollowUps } from '../../../lib/followup/bulk-change.js';
import { changeFollowUp } from '../../../lib/followup/change-follow-up.js';
import {
  type FollowUpActionName,
  followUpCommandSchemas,
  followUpIdSchema,
  followUpListQuerySchema,
  parseFollowUpCommand,
} from '../../../lib/followup/follow-up-requests.js';
import { isOverdue } from '../../../lib/followup/follow-up-state.js';
import { toInboxRow } from '../../../lib/followup/inbox.js';
import { FOLLOW_UP_ACTIONS } from '../../../lib/model/follow-up-state.js';
import type { FeedbackRecord } from '../../../lib/store/feedback-store.js';
import { type ApiRoute, defineRoute, json } from '../api-route.js';

/** A path naming one feedback record; the router has already percent-decoded it (once: decoding again would let `%2523` become `#`). */
export const feedbackIdPath = z.object({ id: followUpIdSchema });

/**
 * A `/followups` row: the inbox row without the fields this older list never had (its contract
 * stays as documented in docs/follow-up-api.md).
 */
function followUpSummary(record: FeedbackRecord, now: string) {
  const {
    scale: _scale,
    band: _band,
    channel: _channel,
    receivedAt: _receivedAt,
    ...row
  } = toInboxRow(record, now);
  return row;
}

export const listFollowUpsRoute = defineRoute({
  method: 'GET',
  path: '/followups',
  schemas: { query: followUpListQuerySchema },
  async handle({ input, store, now }) {
    const page = await store.listFollowUps(input.query);
    const at = now.toISOString();
    return json(200, {
      items: page.items.map((record) => followUpSummary(record, at)),
      cursor: page.cursor ?? null,
    });
  },
});

export const getFeedbackRoute = defineRoute({
  method: 'GET',
  path: '/feedback/:id',
  schemas: { path: feedbackIdPath },
  async handle({ input, store, now }) {
    const { id } = input.path;
    const record = await store.getFeedback(id);
    if (!record) throw new NotFoundError(`no feedback "${id}"`);
    // The record keeps the latest changes; the whole history is read from its own items.
    const history = record.followUp.status === 'none' ? [] : await store.listFollowUpHistory(id);
    return json(200, {
      ...record,
      followUp: {
        ...record.followUp,
        history: history.length >= record.followUp.history.length ? history : record.followUp.history,
        overdue: isOverdue(record.followUp, now.toISOString()),
      },
    });
  },
});

/** `POST /followups/{id}/{action}`: one workflow step, a conditional write (409 with the state that won). */
function followUpActionRoute(action: FollowUpActionName): ApiRoute {
  return defineRoute({
    method: 'POST',
    path: `/followups/:id/${action}`,
    schemas: { path: feedbackIdPath, body: followUpCommandSchemas[action] },
    async handle({ input, store, now, actor }) {
      const command = parseFollowUpCommand(action, input.body);
      const record = await changeFollowUp(store, input.path.id, command, actor(), now.toISOString());
      return json(200, { id: record.id, followUp: record.followUp });
    },
  });
}

export const followUpActionRoutes: ApiRoute[] = FOLLOW_UP_ACTIONS.map(followUpActionRoute);

/**
 * `POST /followups/bulk`: claim or assign a list of follow-ups. Always 200 with one outcome per id
 * (done, conflict with the state that won, not_found): each is its own conditional write.
 */
export const bulkFollowUpRoute = defineRoute({
  method: 'POST',
  path: '/followups/bulk',
  schemas: { body: bulkFollowUpSchema },
  async handle({ input, store, now, actor }) {
    const results = await changeFollowUps(store, input.body, actor(), now.toISOString());
    return json(200, { results });
  },
});
