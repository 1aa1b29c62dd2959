import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AlertDestination } from '../model/alert-destination.js';
import type { AlertAttempt, AlertLedger } from './feedback-store.js';
import type { StoreTable } from './store-table.js';
import { alertKey } from './table-keys.js';

/** A lease given back: earlier than any "now", so the next attempt may take it at once. */
const LEASE_ENDED = '1970-01-01T00:00:00.000Z';

/**
 * The alert ledger: one guard item per feedback id with a lease and the destinations reached, so a
 * record delivered twice by the stream alerts once and a retry sends only where the alert has not gone.
 */
export class DynamoDbAlertLedger implements AlertLedger {
  constructor(private readonly table: StoreTable) {}

  async beginAlert(id: string, now: string, leaseSeconds: number): Promise<AlertAttempt> {
    const leaseUntil = new Date(Date.parse(now) + leaseSeconds * 1000).toISOString();
    const expiresAt = this.table.expiresAt(now);
    try {
      // An update, not a put: a retry keeps the destinations an earlier attempt reached.
      const { Attributes } = await this.table.documents.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: alertKey(id),
          UpdateExpression: `SET #type = :alert, #id = :id, #status = :sending, leaseUntil = :lease${
            expiresAt === undefined ? '' : ', expiresAt = :expires'
          }`,
          ConditionExpression: 'attribute_not_exists(PK) OR (#status = :sending AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#type': 'type', '#id': 'id', '#status': 'status' },
          ExpressionAttributeValues: {
            ':alert': 'alert',
            ':id': id,
            ':sending': 'sending',
            ':lease': leaseUntil,
            ...(expiresAt !== undefined && { ':expires': expiresAt }),
            ':now': now,
          },
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      const delivered = Attributes?.deliveredTo as Set<AlertDestination> | undefined;
      return { status: 'send', delivered: [...(delivered ?? [])] };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // The old item comes back in wire form (the document client does not unmarshall errors).
      const status = (error.Item as Record<string, { S?: string } | string> | undefined)?.status;
      return { status: (typeof status === 'string' ? status : status?.S) === 'sent' ? 'sent' : 'busy' };
    }
  }

  async recordAlertDelivery(id: string, destination: AlertDestination): Promise<void> {
    await this.table.documents.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: alertKey(id),
        UpdateExpression: 'ADD deliveredTo :destination',
        ExpressionAttributeValues: { ':destination': new Set([destination]) },
      }),
    );
  }

  async releaseAlert(id: string): Promise<void> {
    try {
      // The lease ends now; what was delivered stays recorded for the retry.
      await this.table.documents.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: alertKey(id),
          UpdateExpression: 'SET leaseUntil = :ended',
          ConditionExpression: '#status = :sending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sending': 'sending', ':ended': LEASE_ENDED },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async completeAlert(id: string, at: string): Promise<void> {
    await this.table.documents.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: alertKey(id),
        UpdateExpression: 'SET #status = :sent, sentAt = :at REMOVE leaseUntil',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':at': at },
      }),
    );
  }
}
