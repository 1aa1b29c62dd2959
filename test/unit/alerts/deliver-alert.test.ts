import { describe, expect, it } from 'vitest';
import { ALERT_LEASE_SECONDS } from '../../../lib/alerts/deliver-alert.js';
import { type DetractorAlert, detractorAlertFor } from '../../../lib/alerts/detractor-alert.js';
import { formatAlert } from '../../../lib/alerts/format-alert.js';
import { analyzeFeedback } from '../../../lib/analysis/analyze-feedback.js';
import { redactSegment } from '../../../lib/analysis/privacy/redact-fields.js';
import type { FeedbackRecord } from '../../../lib/store/feedback-store.js';

describe('alert delivery', () => {
  it('leases an alert for seconds, so a crashed attempt does not hold the stream for a minute', () => {
    expect(ALERT_LEASE_SECONDS).toBeLessThanOrEqual(15);
    expect(ALERT_LEASE_SECONDS).toBeGreaterThanOrEqual(5);
  });

  it('puts no customerId and only redacted segment values in the alert and its text', () => {
    const message = {
      id: 'al-1',
      text: 'Awful, call me on 07700 900123',
      score: 0,
      customerId: 'CUST-1',
      segment: { department: 'Care', agent: 'jane.doe@corp.example.com' },
    };
    const { redactedText, ...analysis } = analyzeFeedback(message);
    const record: FeedbackRecord = {
      id: message.id,
      receivedAt: '2026-07-01T10:00:00.000Z',
      submittedAt: '2026-07-01T10:00:00.000Z',
      day: '2026-07-01',
      score: 0,
      scale: 'nps',
      customerId: message.customerId,
      segment: redactSegment(message.segment),
      redactedText,
      analysis,
      followUp: { status: 'open', priority: 40, reasons: ['detractor'], version: 0, history: [] },
    };
    const alert = detractorAlertFor(record) as DetractorAlert;
    const text = JSON.stringify([alert, formatAlert(alert)]);
    expect(text).not.toContain('CUST-1');
    expect(text).not.toContain('jane.doe');
    expect(text).not.toContain('900123');
    expect(formatAlert(alert).message).toContain('Feedback al-1');
  });
});
