import { describe, expect, it } from 'vitest';
import { themeIds } from '../../../support/theme-ids.js';

// A problem that stays after the customer tried to have it put right, told without "unresolved".
const notPutRight: readonly string[] = [
  'I have written to them twice and have not been successful',
  'every attempt to get this corrected was unsuccessful',
  'I disputed it with the shop, to no avail',
  'the bank refused to correct the mistake',
  'they failed to investigate my dispute',
  'the agency is unwilling to remove the entry',
  'the old charge is still showing on my statement',
  'they continue to report the account as unpaid',
  'the supplier keeps billing me for a box I sent back',
  'the wrong address remains on my account',
  'they verified the debt as accurate without looking at my proof',
  'the same error came back on the next bill',
  'I have been trying to get my broadband fixed for six weeks',
  'they keep disregarding my complaint about the missing item',
];

// Words of finance, appointments and contact that name no problem of the theme's kind.
const notTheTheme: ReadonlyArray<readonly [id: string, text: string]> = [
  ['billing', 'the card was charged off and sold to a collector'],
  ['installation', 'my second installment is due in May'],
  ['price_value', 'my loan to value is now under 78 percent'],
  ['appointment', 'I asked them to change my due date to the 15th'],
  ['repeat_contact', 'I had a Chase card for ten years'],
  ['repeat_contact', 'the cheque was processed a second time by another bank'],
  ['appointment', 'the transfer is not showing up in my account'],
  ['unresolved', 'my cash withdrawal is still showing as pending'],
  ['delay', 'they report me 60 days late on the account'],
  ['billing', 'the bureau still lists two late payments that I disputed and they refused to remove'],
  ['lost_or_damaged', 'I am seeking damages under the act'],
  ['product_quality', 'it was entirely their fault'],
  ['product_quality', 'my car was broken into'],
  ['product_quality', 'I could not work after the accident because of my injury'],
  ['installation', 'the accounts connected to that address are not mine'],
  ['transfer', 'my mortgage was transferred to a new servicer'],
  ['price_value', 'they applied the wrong exchange rate to my purchase'],
  ['agent_knowledge', 'the bureau keeps reporting inaccurate information'],
  ['unresolved', 'I asked them to verify the correct balance'],
  ['transfer', 'my transfer has not gone through yet'],
  ['transfer', 'when will the transfer be completed?'],
  ['product_quality', 'I waited two months to be connected'],
];

// Told the same way, these still name the theme.
const stillTheTheme: ReadonlyArray<readonly [id: string, text: string]> = [
  ['billing', 'they charged me a fee I never agreed to'],
  ['appointment', 'the engineer never showed up'],
  ['appointment', 'they rescheduled my visit twice'],
  ['repeat_contact', 'this is the third time I have called'],
  ['repeat_contact', 'I had to chase them every week'],
  ['installation', 'the installer fitted the router in an hour'],
  ['price_value', 'poor value for the money'],
  ['lost_or_damaged', 'the parcel arrived damaged'],
  ['billing', 'the payment was refused and they charged me a fee'],
  ['billing', 'they increased my monthly payment by 400 dollars'],
  ['billing', 'my bill went up again'],
  ['billing', 'the escrow shortage was their mistake'],
  ['product_quality', 'there is a fault on the line again'],
  ['product_quality', 'the screen is broken'],
  ['product_quality', 'the app does not work'],
  ['installation', 'it took three weeks to get connected'],
  ['transfer', 'I was transferred to three departments'],
  ['billing', 'the exchange rate on my card payment was wrong'],
  ['price_value', 'the interest rate is far too high'],
  ['agent_knowledge', 'the agent told me the wrong information about my loan'],
  ['transfer', 'I got transferred twice'],
  ['transfer', 'they transferred me to the wrong department'],
  ['product_quality', 'the wifi connection is terrible'],
  ['appointment', 'it should have been installed last week but no one turned up'],
  ['appointment', 'you did not turn up!!'],
  ['billing', 'they added a one off fee to my first bill'],
];

describe('unresolved: told as attempts that failed or an error that stays', () => {
  it.each(notPutRight)('"%s"', (text) => {
    expect(themeIds(text)).toContain('unresolved');
  });

  it('is not raised by an attempt that worked or a plain report', () => {
    expect(themeIds('my second attempt was successful')).not.toContain('unresolved');
    expect(themeIds('the report shows my new address')).not.toContain('unresolved');
    expect(themeIds('the engineer tried to fix the router this morning')).not.toContain('unresolved');
  });
});

describe('theme words that mean something else in finance and contact', () => {
  it.each(notTheTheme)('no %s in "%s"', (id, text) => {
    expect(themeIds(text)).not.toContain(id);
  });

  it.each(stillTheTheme)('%s in "%s"', (id, text) => {
    expect(themeIds(text)).toContain(id);
  });
});

// The ways a problem is told beyond airlines: deliveries, shops, hotels, restaurants, telecom visits.
const toldInOtherIndustries: ReadonlyArray<readonly [id: string, text: string]> = [
  ['delay', 'our parcel has sat at the depot since Monday'],
  ['delay', 'the order has been stuck in processing for days'],
  ['delay', 'the fitter was supposed to come at nine and it is now noon'],
  ['delay', 'the pizza took two hours to arrive'],
  ['delay', 'our room still was not ready at five'],
  ['delay', 'the courier missed the delivery window again'],
  ['cancellation', 'the hotel cancelled our room the day before'],
  ['cancellation', 'the restaurant cancelled our table at the last minute'],
  ['cancellation', 'they called off the gig an hour before'],
  ['lost_or_damaged', 'tracking says delivered, I have nothing'],
  ['lost_or_damaged', 'the box came soaked through'],
  ['lost_or_damaged', 'still no sign of my parcel'],
  ['lost_or_damaged', 'they sent me the wrong size twice'],
  ['lost_or_damaged', 'the kitchen brought the wrong dish'],
  ['agent_attitude', 'the courier threw my parcel over the gate'],
  ['agent_attitude', 'the technician shouted at my mother'],
  ['agent_attitude', 'our waitress never came back to the table'],
  ['booking', 'they gave our table away after ten minutes'],
  ['booking', 'the hotel had no record of our reservation'],
  ['booking', 'reception lost our booking'],
  ['booking', 'my points from the stay were never added'],
];

// Bare mentions in those industries: an order, a booking, a role named with nothing wrong.
const namedOnly: ReadonlyArray<readonly [id: string, text: string]> = [
  ['booking', 'I ordered the lamb and she had the risotto'],
  ['booking', 'I have a record of my booking'],
  ['cancellation', 'I want to cancel my order'],
  ['cancellation', 'how can I cancel my table for tonight'],
  ['agent_attitude', 'the waiter came back with the bill'],
  ['delay', 'sometimes I would like to sit down and sort my post'],
  ['lost_or_damaged', 'the parcel was delivered to my neighbour as I asked'],
];

describe('the same ways of telling in other industries', () => {
  it.each(toldInOtherIndustries)('%s in "%s"', (id, text) => {
    expect(themeIds(text)).toContain(id);
  });

  it.each(namedOnly)('no %s in "%s"', (id, text) => {
    expect(themeIds(text)).not.toContain(id);
  });
});
