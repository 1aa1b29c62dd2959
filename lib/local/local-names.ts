/**
 * Names and credentials of the local stack, in a module of their own so that a command that only
 * reads the running stack's table (`closeloop report`) does not load the emulators to learn them.
 */
export const LOCAL_TABLE_NAME = 'closeloop-feedback';
export const LOCAL_QUEUE_NAME = 'closeloop-feedback';
export const LOCAL_DLQ_NAME = 'closeloop-feedback-dlq';

/** Credentials the emulators accept; nothing real, so nothing can reach AWS with them. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
export const LOCAL_REGION = 'us-east-1';
