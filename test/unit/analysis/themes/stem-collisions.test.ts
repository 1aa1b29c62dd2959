import { describe, expect, it } from 'vitest';
import { themeIds } from '../../../support/theme-ids.js';

/**
 * Cue words are matched by their Porter stem, and some stems are other words' too: "customs" and
 * "customer" are both `custom`, "use" and "us" both `us`, "evening" and "even" both `even`, "departed"
 * and "department" both `depart`, "response" and "responsible" both `respons`. Such cue words are
 * written as prefixes (`customs*`), which match their own letters only, or as words after `=`
 * (`=late`), which match themselves alone: "lately" is `late`, "rated" and "rating" `rate`, "green"
 * `green` as "greens" is, "engineering" and "engine" `engin` as "engineer" is, "personal" `person`,
 * "production" `product`, "consideration" `consider` as "considerate" is, "complicity" `complic`,
 * "on" `on` as "one" is, "noon" `noon` as "noone" is, "love" `love` as "lovely" is, "aged" `ag` as "ages"
 * is. The cues' near and unless lists are read the same way.
 */
describe('cue words that share a stem with other words', () => {
  it.each([
    ['delay', 'I was waiting for customer service'],
    ['delay', 'we were stuck with a customer advisor who could not help'],
    ['churn_threat', 'nobody ever told us'],
    ['delay', "they said it's not their department"],
    ['communication', 'they accept no responsibility'],
    ['ease_of_process', 'it was hard for us'],
    ['delay', 'the service lately has been poor'],
    ['price_value', 'the hotel is highly rated'],
    ['product_quality', 'the green paint on the door is awful'],
    ['appointment', 'there are a few flaws in the engineering of this car'],
    ['ease_of_process', 'the firm was accused of complicity in the fraud'],
    ['product_quality', 'production of the show was suspended'],
    ['transfer', 'other personal details on the file were wrong'],
    ['agent_attitude', 'the team said my application is still under consideration'],
    ['appointment', 'the engineer has been really rude lately'],
    ['appointment', "the refund still hasn't appeared on my card"],
    ['appointment', "the heating hasn't come on since friday"],
    ['appointment', 'the parcel never came on friday'],
  ])('does not raise %s in %j', (id, text) => {
    expect(themeIds(text)).not.toContain(id);
  });

  it.each([
    ['delay', 'stuck at customs for 3 days'],
    ['churn_threat', 'I will never be using them again'],
    ['churn_threat', 'will never use them again'],
    ['delay', "food was 50 mins late and he didn't even apologise"],
    ['ease_of_process', 'really easy to use'],
    ['communication', 'no response to any of my emails'],
    ['delay', 'the bus was late again'],
    ['appointment', 'the engineer was late and rude'],
    ['appointment', 'no one came to fix the boiler'],
    ['appointment', 'the engineer never came on friday'],
    ['product_quality', 'the pool was shut all week and it has been like that lately'],
    ['resolution', 'they sent a new one next day, they have been good lately'],
    ['price_value', 'the exchange rate was a rip off'],
    ['product_quality', 'the greens were in great shape'],
    ['appointment', 'the engineer never turned up'],
    ['ease_of_process', 'the whole process is so complicated'],
    ['transfer', 'I was passed to another person who knew nothing'],
    ['agent_attitude', 'the waiter was very considerate'],
    ['phone_menu', 'I just want to speak to a human'],
  ])('raises %s in %j', (id, text) => {
    expect(themeIds(text)).toContain(id);
  });
});
