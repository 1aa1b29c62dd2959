/** SQS's limit for one message body (and for one SendMessageBatch call). */
export const MAX_MESSAGE_BYTES = 256 * 1024;

/**
 * Why a message body cannot go on the queue, or undefined when it fits. The schema counts characters
 * (a comment may have 250,000), the queue bytes: Chinese or Arabic text takes 2-3 bytes a character
 * and an emoji 12 (escaped), so a long comment in such a script can be valid and still not fit.
 */
export function oversizeReason(body: string, textLength?: number): string | undefined {
  const bytes = Buffer.byteLength(body);
  if (bytes <= MAX_MESSAGE_BYTES) return undefined;
  const text =
    textLength === undefined
      ? ''
      : ` (the text has ${textLength.toLocaleString('en')} characters: letters outside English take 2-3 bytes each, an emoji 12)`;
  return `the message is ${Math.ceil(bytes / 1024)} KB as JSON, over the queue's limit of ${MAX_MESSAGE_BYTES / 1024} KB${text}`;
}
