import { THANKS_WORDS } from './social-words.js';

/**
 * The customer's own trouble, fear or illness: what brought them to the service, not what they say of
 * it. In a thank-you ("I was scared and in pain, the nurse was so kind, thank you") it is the situation
 * the staff helped with (see `sentiment/plight.ts`).
 */
export const PLIGHT_WORDS: ReadonlySet<string> = new Set([
  'scared',
  'frightened',
  'terrified',
  'nervous',
  'anxious',
  'worried',
  'stressed',
  'panicking',
  'panicked',
  'upset',
  'overwhelmed',
  'distressed',
  'poorly',
  'ill',
  'sick',
  'pain',
  'hurt',
  'injured',
  'crying',
  'tears',
  'stranded',
  'stuck',
  'grieving',
  'bereaved',
  'heartbroken',
  'desperate',
  'emergency',
  'vulnerable',
  'lonely',
]);

/**
 * Words that thank someone for what they did: the words of thanks ("thank you", "cheers") and those of
 * gratitude ("so grateful", "an absolute lifesaver").
 */
export const GRATITUDE_WORDS: ReadonlySet<string> = new Set([
  ...THANKS_WORDS,
  'grateful',
  'gratitude',
  'lifesaver',
  'lifesavers',
  'hero',
  'heroes',
  'angel',
  'angels',
]);
