import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { LOCAL_REGION } from './local-names.js';

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

export interface StreamPollerOptions {
  dynamodb: DynamoDBClient;
  endpoint: string;
  tableName: string;
  handler: StreamHandler;
  batchSize?: number;
  /** Pause between empty reads. */
  idleMs?: number;
}

/**
 * What Lambda's DynamoDB stream event source mapping does, for the local stack: reads every shard of
 * the table's stream from its oldest record, hands batches to the handler in order, and on a reported
 * failure re-reads from the first failed record (so the handler must be idempotent, as in AWS).
 */
export class StreamPoller {
  private readonly streams: DynamoDBStreamsClient;
  private readonly iterators = new Map<string, string | undefined>();
  private running = false;
  private loop: Promise<void> | undefined;
  private streamArn = '';
  private passNumber = 0;
  private lastQuietPass = 0;
  /** Reads that failed (the emulator restarting, say); the next pass tries again. */
  errors = 0;

  constructor(private readonly options: StreamPollerOptions) {
    // The table's own credentials: an emulator shared by several stacks keeps a database per access key.
    this.streams = new DynamoDBStreamsClient({
      endpoint: options.endpoint,
      region: options.dynamodb.config.region,
      credentials: options.dynamodb.config.credentials,
    });
  }

  async start(): Promise<void> {
    await this.refreshStreamArn();
    this.running = true;
    this.loop = this.run();
  }

  private async refreshStreamArn(): Promise<void> {
    const { Table } = await this.options.dynamodb.send(
      new DescribeTableCommand({ TableName: this.options.tableName }),
    );
    if (!Table?.LatestStreamArn) throw new Error(`table ${this.options.tableName} has no stream`);
    this.streamArn = Table.LatestStreamArn;
  }

  /** Resolves once every record written before the call has been handled. */
  async catchUp(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    // A pass that starts after this call and finds nothing has read every shard to its end.
    const after = this.passNumber;
    while (this.lastQuietPass <= after) {
      if (!this.running) throw new Error('the stream poller is not running');
      if (Date.now() > deadline) throw new Error('the stream poller did not catch up');
      await sleep(50);
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    this.streams.destroy();
  }

  private async run(): Promise<void> {
    while (this.running) {
      const pass = ++this.passNumber;
      let found = 0;
      try {
        await this.discoverShards();
        for (const shardId of this.iterators.keys()) {
          if (!this.running) break;
          found += await this.readShard(shardId);
        }
      } catch {
        this.errors++;
        found = -1; // not a quiet pass: something may be unread
        // The emulator may have restarted: iterators die with it. Read every shard again from its
        // start; the handler is idempotent, as Lambda's own retries require.
        this.iterators.clear();
        await this.refreshStreamArn().catch(() => undefined);
      }
      if (found === 0) this.lastQuietPass = pass;
      if (found <= 0) await sleep(this.options.idleMs ?? 200);
    }
  }

  private async discoverShards(): Promise<void> {
    const { StreamDescription } = await this.streams.send(
      new DescribeStreamCommand({ StreamArn: this.streamArn }),
    );
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || this.iterators.has(shard.ShardId)) continue;
      const { ShardIterator } = await this.streams.send(
        new GetShardIteratorCommand({
          StreamArn: this.streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      this.iterators.set(shard.ShardId, ShardIterator);
    }
  }

  /** Reads one batch from a shard and hands it over; returns how many records it found. */
  private async readShard(shardId: string): Promise<number> {
    const iterator = this.iterators.get(shardId);
    if (!iterator) return 0; // closed and fully read
    const { Records = [], NextShardIterator } = await this.streams.send(
      new GetRecordsCommand({ ShardIterator: iterator, Limit: this.options.batchSize ?? 100 }),
    );
    if (Records.length === 0) {
      this.iterators.set(shardId, NextShardIterator);
      return 0;
    }
    const event: DynamoDBStreamEvent = { Records: Records.map((record) => this.toLambdaRecord(record)) };
    let failed: string | undefined;
    try {
      const response = await this.options.handler(event);
      failed = lowestSequenceNumber(response.batchItemFailures.map((failure) => failure.itemIdentifier));
    } catch {
      failed = Records[0]?.dynamodb?.SequenceNumber;
    }
    if (failed) {
      // As Lambda does: start again at the first failed record, after a pause.
      const { ShardIterator } = await this.streams.send(
        new GetShardIteratorCommand({
          StreamArn: this.streamArn,
          ShardId: shardId,
          ShardIteratorType: 'AT_SEQUENCE_NUMBER',
          SequenceNumber: failed,
        }),
      );
      this.iterators.set(shardId, ShardIterator);
      await sleep(1_000);
    } else {
      this.iterators.set(shardId, NextShardIterator);
    }
    return Records.length;
  }

  private toLambdaRecord(record: StreamRecord): DynamoDBRecord {
    const { ApproximateCreationDateTime, ...rest } = record.dynamodb ?? {};
    for (const image of [rest.NewImage, rest.OldImage, rest.Keys]) if (image) repairEmptyMaps(image);
    return {
      ...(record.eventID && { eventID: record.eventID }),
      ...(record.eventName && { eventName: record.eventName }),
      eventVersion: record.eventVersion ?? '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: LOCAL_REGION,
      eventSourceARN: this.streamArn,
      dynamodb: {
        ...(rest as DynamoDBRecord['dynamodb']),
        ...(ApproximateCreationDateTime && {
          ApproximateCreationDateTime: Math.floor(new Date(ApproximateCreationDateTime).getTime() / 1000),
        }),
      },
    };
  }
}

/**
 * Lambda checkpoints a stream at the lowest failed sequence number. The handler lists failures in the
 * order its records finished (they run in parallel), so the first one listed need not be the lowest:
 * resuming there would skip the failures before it. Sequence numbers are decimal strings of any length.
 */
export function lowestSequenceNumber(sequenceNumbers: readonly string[]): string | undefined {
  let lowest: string | undefined;
  for (const candidate of sequenceNumbers)
    if (lowest === undefined || BigInt(candidate) < BigInt(lowest)) lowest = candidate;
  return lowest;
}

/**
 * The SDK's streams client reads an empty map attribute (`{"M":{}}`) back as `{}`, which is no
 * attribute value at all; Lambda's own event has the map. Puts the `M` back, at any depth.
 */
function repairEmptyMaps(image: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(image)) {
    if (!value || typeof value !== 'object') continue;
    const attribute = value as { M?: Record<string, unknown>; L?: unknown[] };
    if (Object.keys(attribute).length === 0) image[name] = { M: {} };
    else if (attribute.M) repairEmptyMaps(attribute.M);
    else if (attribute.L) repairEmptyMaps(attribute.L as unknown as Record<string, unknown>);
  }
}
