import { describe, expect, it } from 'vitest';
import { themeIds } from '../../../support/theme-ids.js';

// The ways customers tell a problem without its name: each row must raise the theme.
const toldOtherwise: ReadonlyArray<readonly [id: string, text: string]> = [
  ['delay', 'we sat on the runway for two hours'],
  ['delay', 'been stuck at the gate since 6am'],
  ['delay', 'still on the plane, nobody tells us anything'],
  ['delay', 'the train should have left 40 minutes ago'],
  ['delay', 'missed my connection in Chicago'],
  ['delay', 'stranded in Dallas overnight'],
  ['delay', 'my top up has been pending all day'],
  ['delay', 'how long does it take for a card to arrive'],
  ['cancellation', 'you cancelled my flight with no warning'],
  ['cancellation', 'they cancelled the concert an hour before'],
  ['cancellation', 'three cancellations in a week'],
  ['cancellation', 'flt cancelled again'],
  ['lost_or_damaged', 'still no luggage two days later'],
  ['lost_or_damaged', 'where is my suitcase??'],
  ['lost_or_damaged', 'my bag never made the flight'],
  ['lost_or_damaged', 'my luggage went to Denver and I went to Miami'],
  ['lost_or_damaged', 'I have a claim reference for my lost bag and no answer'],
  ['agent_attitude', 'the worst customer service I have ever had'],
  ['agent_attitude', 'the rep lied to me twice'],
  ['agent_attitude', 'the hostess ignored us for ten minutes'],
  ['agent_attitude', 'the manager refused to listen'],
  ['agent_attitude', 'the cashier laughed at me'],
  ['wait_time', 'service was so slow tonight'],
  ['wait_time', 'the kitchen was painfully slow'],
  ['booking', 'I could not choose my seat online'],
  ['booking', 'seat selection is broken'],
  ['booking', 'my miles were not credited after the trip'],
  ['booking', 'the site crashed in the middle of paying for my order'],
  ['booking', 'my booking has disappeared from the app'],
  ['booking', 'Booking was quick and easy'],
  ['communication', 'they never informed me the branch had closed'],
  ['communication', "the bank didn't inform us about the new fee"],
  ['communication', 'no updates for a week'],
  ['repeat_contact', 'I had to chase them for a month'],
  ['repeat_contact', 'I have chased this three times'],
  ['billing', 'the payment was taken twice'],
  ['billing', 'there is a payment I do not recognise'],
  ['resolution', 'the engineer fixed it in ten minutes'],
  ['callback', 'they promised to get back to me'],
  ['delay', 'the engineer was late again'],
  ['delay', 'the parcel arrived on time'],
  ['agent_knowledge', 'the agent had no idea what a PAC code was'],
  ['agent_knowledge', 'the rep gave me wrong information about the fee'],
  ['agent_attitude', 'the staff were so helpful'],
  ['digital_experience', 'the website keeps crashing'],
  ['digital_experience', 'the app is easy to use'],
];

// A bare mention names a thing, not a problem with it: no theme.
const bareMentions: ReadonlyArray<readonly [id: string, text: string]> = [
  ['booking', 'I have a reservation for 8pm'],
  ['booking', 'my order number is 5521'],
  ['booking', 'I booked a table for two'],
  ['agent_attitude', 'our waiter brought the menu'],
  ['agent_attitude', 'the manager came over'],
  ['wait_time', 'the service starts at 9'],
  ['delay', 'we are at the gate'],
  ['cancellation', 'how do I cancel my subscription'],
  ['lost_or_damaged', 'my bag is blue'],
  ['transfer', 'my bank transfer is still pending'],
  ['delay', 'an 8 hour flight'],
  // Words that name a thing in finance, not a problem of the theme's kind.
  ['communication', 'please send me information about the savings account'],
  ['communication', 'they updated my address'],
  ['delay', 'the bureau shows a late payment from 2016'],
  ['delay', 'I have always paid on time'],
  ['repeat_contact', 'I opened a card with Chase last year'],
  ['billing', 'I made the payment from my savings'],
  ['resolution', 'I asked them to fix the error'],
  ['callback', 'I just want to get my money back'],
  ['delay', 'the bureau still shows me 90 days late'],
  ['agent_knowledge', 'I had no idea the loan had been sold'],
  ['agent_attitude', 'the website was helpful'],
  ['agent_attitude', 'they will take care of it'],
  ['agent_attitude', 'please handle this in a timely manner'],
  ['agent_knowledge', 'it was opened without my knowledge'],
  ['agent_knowledge', 'my credit file holds inaccurate information'],
  ['digital_experience', 'I paid the balance online'],
];

describe('theme cues: problems told without the theme word', () => {
  it.each(toldOtherwise)('%s in "%s"', (id, text) => {
    expect(themeIds(text)).toContain(id);
  });

  it.each(bareMentions)('no %s in "%s"', (id, text) => {
    expect(themeIds(text)).not.toContain(id);
  });
});
