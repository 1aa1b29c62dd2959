import { inject } from 'vitest';
import { useSharedDynamoDb } from '../../lib/local/in-memory-dynamodb.js';

// Every in-memory stack of the emulator tests gets a database of its own on the run's one DynamoDB Local
// (started by start-shared-dynamodb-local.ts), instead of starting a JVM per test file.
useSharedDynamoDb(inject('sharedDynamoDbEndpoint'));
