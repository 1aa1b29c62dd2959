import { CHANNEL_FAMILIES, type ChannelFamily } from '../lexicon/channel-families.js';

export type { ChannelFamily } from '../lexicon/channel-families.js';

/** The families in the order their model features are stored. */
export const channelFamilies: readonly ChannelFamily[] = ['survey', 'social', 'review', 'support'];

/** A channel name as the table lists it: lower case, one space for any run of spaces, `-` or `_`. */
function channelKey(channel: string): string {
  return channel
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

const familyOfName = new Map<string, ChannelFamily>(
  (Object.entries(CHANNEL_FAMILIES) as Array<[ChannelFamily, readonly string[]]>).flatMap(([family, names]) =>
    names.map((name) => [channelKey(name), family] as const),
  ),
);

/** The family of text a message's channel belongs to, or none for a channel no family lists. */
export function channelFamily(channel: string | undefined): ChannelFamily | undefined {
  if (channel === undefined) return undefined;
  return familyOfName.get(channel) ?? familyOfName.get(channelKey(channel));
}
