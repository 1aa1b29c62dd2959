import type { TestProject } from 'vitest/node';
import { startLocalDynamoDb } from '../../lib/local/local-dynamodb.js';

declare module 'vitest' {
  export interface ProvidedContext {
    sharedDynamoDbEndpoint: string;
  }
}

/**
 * Global setup of the emulator tests: one in-memory DynamoDB Local for the whole run, a database per
 * access key (see lib/local/in-memory-dynamodb.ts), stopped when the run ends.
 */
export default async function startSharedDynamoDbLocal(project: TestProject) {
  const server = await startLocalDynamoDb({ databasePerAccessKey: true });
  project.provide('sharedDynamoDbEndpoint', server.endpoint);
  return () => server.stop();
}
