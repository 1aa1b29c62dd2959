import { describe, expect, it } from 'vitest';
import { CHANNEL_FAMILIES } from '../../../../lib/analysis/lexicon/channel-families.js';
import { channelFamilies, channelFamily } from '../../../../lib/analysis/text/channel-family.js';
import { WEBHOOK_SOURCES } from '../../../../lib/webhooks/webhook-source.js';

describe('channelFamily', () => {
  it.each([
    ['survey', 'survey'],
    ['email', 'support'],
    ['chat', 'support'],
    ['phone', 'support'],
    ['Live_Chat', 'support'],
    ['  Call-Centre ', 'support'],
    ['Twitter', 'social'],
    ['social', 'social'],
    ['App Store', 'review'],
    ['trustpilot', 'review'],
    ['typeform', 'survey'],
    ['zendesk', 'support'],
  ] as const)('puts the %j channel in the %s family', (channel, family) => {
    expect(channelFamily(channel)).toBe(family);
  });

  it('gives no family to a channel nobody listed, or to none', () => {
    expect(channelFamily('carrier pigeon')).toBeUndefined();
    expect(channelFamily(undefined)).toBeUndefined();
    expect(channelFamily('')).toBeUndefined();
  });

  it('lists each channel name in one family only', () => {
    const names = Object.values(CHANNEL_FAMILIES).flat();
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(CHANNEL_FAMILIES).sort()).toEqual([...channelFamilies].sort());
  });

  it('knows the family of every survey or support tool that posts webhooks, but the generic one', () => {
    const unknown = WEBHOOK_SOURCES.filter((source) => channelFamily(source) === undefined);
    expect(unknown).toEqual(['generic']);
  });
});
