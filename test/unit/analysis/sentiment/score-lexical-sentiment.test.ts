import { describe, expect, it } from 'vitest';
import {
  scoreLexicalSentiment,
  wordValence,
} from '../../../../lib/analysis/sentiment/score-lexical-sentiment.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

function net(text: string): number {
  const result = scoreLexicalSentiment(text, tokenize(text));
  return result.positive + result.negative;
}

describe('scoreLexicalSentiment', () => {
  it.each([
    ['Not happy at all. Nobody called me back.'],
    ['The router was faulty and I am still waiting for a new one'],
    ['Diabolical service'],
    ['Still no broadband'],
    ['No communication whatsoever'],
    ['Absolutely useless, a complete shambles'],
    ['Engineer didn\u2019t turn up'],
    ['What a waste of time'],
    ["Haven't received my router yet"],
    ['You promised a call and it was a joke'],
    ['Please read my file'],
    ['😡😡😡'],
    ['delivery 👎'],
    ['the new kettle has the same fault'],
    ['my earbuds die after an hour'],
    ['the cab went the long way round'],
    ['they charged us double for the parking'],
    ["the prescription wasn't ready again"],
    ['my premium was debited twice'],
    ["the lady was nice but nothing's actually been done"],
    ['the shower barely worked'],
    ['the wifi hardly works in the rooms'],
    ['my bill doubled overnight'],
    ['the premium has tripled since last year'],
    ['every reply is a copy and paste'],
    ['all I got was a canned response'],
    ["the surgery couldn't fit me in for a month"],
    ["the doctor didn't listen to a word I said"],
    ["can't give full marks as the order is late"],
    ['why does it take 10 working days to close an account'],
    ['I will never use again'],
    ['problem not fixed after three visits'],
    ['the ticket machines were out of order again'],
    ['the stream keeps buffering'],
    ['I pay more than new customers for the same plan'],
    ['it costs more to renew than to join'],
    ['we will be switching at the end of the year'],
    ['one star, and that is generous'],
    ['the case was closed but it is not resolved'],
    ['is this how you treat people who pay on time?'],
    ['the battery barely lasts an afternoon'],
    ['the tracking says delivered'],
    ['it was marked as dispatched a week ago'],
    ["'we tried to deliver', no you didn't"],
    ['the dishwasher is leaking again'],
    ['download speeds are half of what you advertise'],
    ['£4.50 for a sandwich is taking the mick'],
    ['the online checkout kept freezing'],
    ['the form kept rejecting my postcode'],
    ['my bill has gone up again'],
    ['the fees have increased'],
    ['the status page says there are no issues'],
    ['the engineer said there was nothing wrong with it'],
    ['the app froze twice'],
    ['the bus drove straight past the stop'],
    ['the car smelled of smoke'],
    ['the window rattled all night'],
  ])('reads "%s" as negative', (text) => {
    expect(net(text)).toBeLessThan(0);
  });

  it.each([
    ['Quick and easy'],
    ['No problems at all'],
    ['No hassle, very efficient'],
    ['the claim was settled with no quibbles'],
    ['refunded without a quibble'],
    ['the new portal saves us a day a week'],
    ["took ten minutes to move over, why didn't I do this sooner"],
    ['Could not fault the engineer'],
    ['Not bad'],
    ['Did what it said on the tin'],
    ['Helpful staff and a smooth set up'],
    ['👍👍'],
    ['moved my mortgage to them, wish I had done it sooner'],
    ['refunded within minutes'],
    ["I can't say enough good things about the crew"],
    ["can't recommend them enough"],
    ['the nurse took time to explain and rang to check on him'],
    ['never a fuss, fair price'],
    ['the doctor listened and did not rush me'],
    ['a responsive account team'],
    ['the vet squeezed us in the same day'],
    ['thanks for squeezing us in at short notice'],
    ['the driver made my day'],
    ['top marks to the team at the branch'],
    ['got through straight away, problem fixed in minutes'],
    ['the issue was resolved the same day'],
    ['8/10 would use again'],
  ])('reads "%s" as positive', (text) => {
    expect(net(text)).toBeGreaterThan(0);
  });

  it('turns sentiment around within the negation scope only', () => {
    const tokens = tokenize('not very good. good');
    expect(tokens[2]?.negated).toBe(true);
    expect(tokens[3]?.negated).toBe(false);
    expect(net('not good')).toBeLessThan(0);
    expect(net('not good. good')).toBeGreaterThan(net('not good'));
  });

  it('lets degree words scale the next sentiment word', () => {
    expect(net('extremely poor')).toBeLessThan(net('poor'));
    expect(net('slightly poor')).toBeGreaterThan(net('poor'));
  });

  it("reads the customer's standing, stored details and a ticket's status as no praise", () => {
    expect(net('I have been a loyal customer since 2010')).toBe(0);
    expect(net('my saved cards are on the account')).toBe(0);
    expect(net('they marked my ticket as resolved')).toBe(0);
    expect(net('the fraud team rang me this morning')).toBe(0);
    expect(net('the smart meter was fitted on Monday')).toBe(0);
    expect(net('we met in the hotel lobby')).toBe(0);
    expect(net('the loss adjuster came on Tuesday')).toBe(0);
  });

  it("reads the customer's own payment on time and a request for help as no praise", () => {
    expect(net('they charged a late fee but I paid on time')).toBeLessThan(0);
    expect(net('can I speak to someone who can help')).toBe(0);
  });

  it('reads asking whether a message is a scam as a question, calling it one as a complaint', () => {
    expect(net('got a text about my parcel, is it a scam or you?')).toBe(0);
    expect(net('is this email a scam or legit')).toBe(0);
    expect(net('this company is a scam')).toBeLessThan(0);
  });

  it("reads the customer owning a mistake as no complaint, the company's fault as one", () => {
    expect(net('that one was my fault')).toBe(0);
    expect(net("it was the courier's fault")).toBeLessThan(0);
  });

  it('reads "no hidden charges" as praise', () => {
    expect(net('No hidden charges')).toBeGreaterThan(0);
  });

  it('reads a slight or minor complaint as milder', () => {
    expect(net('a slight delay')).toBeLessThan(0);
    expect(net('a slight delay')).toBeGreaterThan(net('a delay'));
    expect(net('a minor issue')).toBeGreaterThan(net('an issue'));
  });

  it('weighs what follows "but" more than what precedes it', () => {
    expect(net('The staff were lovely but the service was terrible')).toBeLessThan(0);
    expect(net('The service was terrible but the staff were lovely')).toBeGreaterThan(0);
  });

  it('reads a sentence ending in "though" as "but" before what follows its last comma', () => {
    expect(net('Software is fine, onboarding was painful though')).toBeLessThan(0);
    expect(net('Onboarding was painful, software is great though')).toBeGreaterThan(0);
    // "though" that starts a clause concedes; it stresses nothing after it here.
    const weighed = (text: string) => scoreLexicalSentiment(text, tokenize(text)).cues.map((c) => c.valence);
    expect(weighed('It was fine though, nothing special')).toEqual(weighed('It was fine, nothing special'));
  });

  it('reads a past tense after "didn\'t ... and" as said: "didn\'t listen and rushed me out"', () => {
    expect(net("The doctor didn't listen and rushed me out")).toBeLessThan(net("The doctor didn't listen"));
  });

  it('reads shouted words as stronger', () => {
    expect(net('the service was TERRIBLE')).toBeLessThan(net('the service was terrible'));
  });

  it('reports per-clause valence for theme sentiment', () => {
    const text = 'Billing was fine. The engineer was rude.';
    const { clauseValence } = scoreLexicalSentiment(text, tokenize(text));
    expect(clauseValence.get(0)).toBeGreaterThan(0);
    expect(clauseValence.get(1)).toBeLessThan(0);
  });

  it('overrides AFINN where it misleads on service text and supports prefix entries', () => {
    expect(wordValence('promised')).toBeLessThan(0);
    expect(wordValence('joke')).toBeLessThan(0);
    expect(wordValence('frustrating')).toBeLessThan(0);
    expect(wordValence('frustrated')).toBeLessThan(0);
    expect(wordValence('polyester')).toBe(0);
  });

  it('reads a cleaner as the person who cleans, and "cleaner than" as praise', () => {
    expect(wordValence('cleaner')).toBe(0);
    expect(net('the cleaner did not come')).toBeLessThanOrEqual(0);
    expect(net('the room was much cleaner than last time')).toBeGreaterThan(0);
  });

  it('reads "how convenient" as sarcasm; raw food, a shirty reply, a racket and thin walls as complaints; a neat job, a gentle dentist, a star, a legend as praise', () => {
    expect(net('the line is only open 10-2 on weekdays, how convenient')).toBeLessThan(0);
    expect(net('the location is so convenient')).toBeGreaterThanOrEqual(0);
    expect(net('the chicken was raw')).toBeLessThan(0);
    expect(net('he got shirty with me')).toBeLessThan(0);
    expect(net('a neat job')).toBeGreaterThan(0);
    expect(net('the dentist was so gentle')).toBeGreaterThan(0);
    expect(net('the new pump makes a racket')).toBeLessThan(0);
    expect(net('the trolley lady gave us tea, what a star')).toBeGreaterThan(0);
    expect(net('shout out to the swim coach')).toBeGreaterThan(0);
    expect(net('the walls are paper thin')).toBeLessThan(0);
    expect(net('the driver was an absolute legend')).toBeGreaterThan(0);
    expect(net('she is a credit to the team')).toBeGreaterThan(0);
    expect(net('he kept talking over me')).toBeLessThan(0);
    expect(net('we talked over dinner about it')).toBe(0);
    expect(net('the claim was painless')).toBeGreaterThan(0);
    expect(net('I wanted to love it')).toBeLessThan(0);
    expect(net('would be 5 stars if the app worked')).toBeLessThan(0);
    expect(net('Jo stayed late to sort it')).toBeGreaterThan(0);
    expect(net('the sofa arrived a day early')).toBeGreaterThan(0);
    expect(net('the final bill was £900 more than the quote')).toBeLessThan(0);
    expect(net("fixed my puncture and wouldn't let me pay")).toBeGreaterThan(0);
    expect(net('the wall units went up crooked')).toBeLessThan(0);
  });

  it.each([
    ['Unfortunately the parcel went to the wrong address'],
    ['Apparently there is a fault on the line'],
    ['The engineer was supposed to come on Monday'],
    ['I was told someone would ring me'],
    ['We had no choice but to stay with them'],
    ['No sign of the refund'],
    ['My ongoing billing query'],
    ['The refund was meant to arrive last week'],
    ['It should have been installed in March'],
    ['I would have liked a call'],
    ['Very average service'],
    ['Finally got through after an hour'],
    ['They have a monopoly on the estate'],
    ['The fees are too high'],
    ['Prices are high for what you get'],
    ['A bit on the high side'],
    ['There were hidden charges on the bill'],
  ])('reads the complaint cue in "%s" as negative', (text) => {
    expect(net(text)).toBeLessThan(0);
  });

  it.each([
    ['The service was impeccable'],
    ['Exceptional help from the advisor'],
    ['Top notch service'],
    ['They upgraded our seats without being asked'],
    ['A cosy branch and a friendly teller'],
  ])('reads the praise in "%s" as positive', (text) => {
    expect(net(text)).toBeGreaterThan(0);
  });

  it('reads a recommendation refused in any tense as a complaint, and "can\'t recommend them enough" as praise', () => {
    expect(net("I won't be recommending them")).toBeLessThanOrEqual(-3);
    expect(net("we won't recommend you to anyone")).toBeLessThanOrEqual(-3);
    expect(net("I can't recommend this place")).toBeLessThanOrEqual(-3);
    expect(net("I can't recommend them enough")).toBeGreaterThan(0);
  });

  it('reads "like" after a sense as a comparison, not as liking', () => {
    expect(net('the coffee tasted like dishwater')).toBe(0);
    expect(net('the room smelt like a wet dog')).toBe(0);
    expect(net('it looks like rain')).toBe(0);
    expect(net('they said it was like that already')).toBe(0);
    expect(net('I like the new app')).toBeGreaterThan(0);
  });

  it('reads something broken by the company, or a form that keeps vanishing, as a complaint', () => {
    expect(net('the movers broke the leg off our table')).toBeLessThanOrEqual(-2);
    expect(net('I filled in the form three times and it keeps vanishing')).toBeLessThanOrEqual(-2);
    expect(net('the fuse box keeps tripping')).toBeLessThanOrEqual(-2);
  });

  it('reads staff laughing at the customer as mockery, laughing together as praise', () => {
    expect(net('the guy at the counter just laughed at me')).toBeLessThan(0);
    expect(net('the staff were laughing at us the whole time')).toBeLessThan(0);
    expect(net('we laughed all the way through the show')).toBeGreaterThan(0);
  });

  it('reads "no choice but", "nothing but" as no contrast', () => {
    // A contrasting "but" halves what comes before it; an exceptive one must not.
    expect(net('We had no choice but to stay')).toBe(net('We had no choice'));
    expect(net('Nothing but trouble since the switch')).toBeLessThan(0);
    expect(tokenize('no choice but to stay').map((token) => token.clause)).toEqual([0, 0, 0, 0, 0]);
    expect(tokenize('good but slow').map((token) => token.clause)).toEqual([0, 1, 1]);
    expect(net('The staff were lovely but the service was terrible')).toBeLessThan(0);
  });

  it('reads "not just" as adding to what is said, not denying it', () => {
    expect(net('not just slow, the line was rude too')).toBeLessThan(0);
    expect(net('not just good, the crew were brilliant')).toBeGreaterThan(0);
    expect(tokenize('not just slow').map((token) => token.negated)).toEqual([false, false, false]);
  });

  it('reads what the customer wished for after a counterfactual as unmet', () => {
    expect(net('It could have been better')).toBeLessThan(0);
    expect(net('It should have been easy')).toBeLessThan(0);
    expect(net('I would have liked a call')).toBeLessThan(0);
    // Only within the clause: the praise after the full stop stands.
    expect(net('It could have been quicker. Great staff though')).toBeGreaterThan(0);
  });

  it('does not read "in a long time" as a long wait', () => {
    expect(net('The best meal I have had in a long time')).toBeGreaterThan(0);
    expect(net('It took a long time')).toBeLessThan(0);
  });

  it('does not read a thing that was not needed as missing', () => {
    expect(net('No call back needed, sorted first time')).toBeGreaterThanOrEqual(0);
    expect(net('No engineer visit required')).toBe(0);
    expect(net('No engineer turned up')).toBeLessThan(0);
    expect(net('Still no broadband')).toBeLessThan(0);
  });

  it.each([
    ['Been waiting since Monday for the parcel'],
    ['We have been trying to change the booking all week'],
    ["The courier didn't even knock"],
    ['Where do I start with this airline'],
    ["You'd think a bank would answer emails"],
    ['My account was closed for no reason'],
    ["Couldn't get through to the helpline"],
    ['The new meter never worked'],
    ['Nothing works on the app'],
    ['My flight was pushed back'],
    ['Once again the parcel came on Friday'],
    ['I rang the shop several times'],
    ['I had to go into the store'],
  ])('reads the effort, repetition or outrage in "%s" as a complaint', (text) => {
    expect(net(text)).toBeLessThan(0);
  });

  it('reads an emphatic "not even" as outrage, not as a turned-around apology', () => {
    // "apologise" is mildly negative in AFINN and turns positive under negation on its own.
    expect(net('They did not even apologise')).toBeLessThan(0);
    expect(net("They didn't even bother to ring")).toBeLessThan(net("They didn't ring"));
  });

  it.each([
    ['The fastest checkout I have used'],
    ['The teller patiently explained the fees'],
    ["I didn't have to do a thing"],
    ['The pharmacist made sure I understood the dosage'],
    ['Only a short wait at check-in'],
    ['Blown away by the room'],
  ])('reads the praise or the effort spared in "%s" as positive', (text) => {
    expect(net(text)).toBeGreaterThan(0);
  });

  it.each([
    ['That is not my idea of a booking process'],
    ['The least they could do was refund the fee'],
    ['The app is about as useful as a chocolate teapot'],
    ['It cost double the price of the other shop'],
    ['Too many forms to fill in'],
    ['Please read what I wrote before'],
    ['They asked me the same question three times'],
    ['Inaccurate information on the website'],
    ['Contradictory answers from two advisers'],
    ['There was no coordination between the teams'],
  ])('reads the faint standard, sarcasm or contradiction in "%s" as a complaint', (text) => {
    expect(net(text)).toBeLessThan(0);
  });

  it('reads sales pressure as a clear complaint', () => {
    expect(net('The salesman was pushy')).toBeLessThanOrEqual(-1.5);
    expect(net('I felt forced to upgrade')).toBeLessThanOrEqual(-1.5);
  });

  it.each([
    ['The receptionist was condescending'],
    ['A dismissive reply from the claims team'],
    ['Disorganised check-in'],
    ['The branch is understaffed'],
    ['The flight was overbooked'],
    ['The coffee was lukewarm'],
    ['The toast was burnt'],
    ['My only gripe is the parking'],
    ['Be prepared to queue'],
    ['Watch out for the small print'],
    ["If you don't mind queueing, go"],
    ['The new app is not up to the old one'],
    ['Never once did they call'],
    ['That is not what I ordered'],
  ])('reads the attitude, quality or warning in "%s" as a complaint', (text) => {
    expect(net(text)).toBeLessThan(0);
  });

  it('reads a call for improvement as a complaint, an improvement as praise', () => {
    expect(net('The website needs improvement')).toBeLessThan(0);
    expect(net('There is room for improvement')).toBeLessThan(0);
    expect(net('A big improvement on last year')).toBeGreaterThan(0);
  });

  it.each([
    ['The hotel exceeded our expectations'],
    ['Dessert was on the house'],
    ['The table was worth the wait'],
    ['The view made up for it'],
    ['The new branch lived up to its reputation'],
    ['Locals swear by the bakery'],
  ])('reads the recovery or the standard met in "%s" as praise', (text) => {
    expect(net(text)).toBeGreaterThan(0);
  });

  it.each([["Can't wait to fly with them again"], ['cant wait to see the new lounge']])(
    'reads the anticipation in "%s" as praise',
    (text) => {
      expect(net(text)).toBeGreaterThan(0);
    },
  );

  it.each([
    ["I can't wait any longer for an engineer"],
    ['We cannot wait two weeks for a refund'],
    ['I look forward to your response'],
  ])('reads "%s" as no anticipation', (text) => {
    expect(net(text)).toBeLessThanOrEqual(0);
  });

  it.each([
    ['I never got a reply from the council'],
    ["We haven't had any update on the claim"],
    ["I didn't get any confirmation"],
    ["Hasn't received a refund"],
  ])('reads the missing reply or refund in "%s" as an absence complaint', (text) => {
    expect(net(text)).toBeLessThanOrEqual(-2);
  });

  it('still reads a problem that never happened as praise', () => {
    expect(net('I never had any problems')).toBeGreaterThan(0);
    expect(net("We haven't had any problems")).toBeGreaterThan(0);
  });

  it.each([
    ['I will not be recommending this gym'],
    ['Excuses, excuses'],
    ['The agent said they would call back'],
    ['I paid, only to be told the room was gone'],
  ])('reads the broken commitment or withheld recommendation in "%s" as a complaint', (text) => {
    expect(net(text)).toBeLessThan(0);
  });

  it('reads a farce as a strong complaint and being kept informed as praise', () => {
    expect(net('What a farce')).toBeLessThanOrEqual(-2);
    expect(net('The airline kept us informed throughout')).toBeGreaterThan(1);
  });

  it('reads "never such" and "never so" as stress, not as negation', () => {
    expect(net('I have never encountered such rudeness')).toBeLessThan(0);
    expect(net('Never been so disappointed')).toBeLessThan(0);
    expect(net('I have never seen such good service')).toBeGreaterThan(0);
    // A plain "never" or "not so" still turns the word around.
    expect(net('never good')).toBeLessThan(0);
    expect(net('not so good')).toBeLessThan(0);
  });

  it.each([
    ['The app is glitchy'],
    ['The app keeps crashing'],
    ['Such a runaround to close my account'],
    ['They hung up on me'],
    ['We were kept waiting at the gate'],
    ['The complaint is still outstanding'],
    ['Long queues at the checkout'],
    ['Extortionate fees'],
    ['Locked out of my online banking'],
  ])('reads the banking, travel, retail or app complaint in "%s" as negative', (text) => {
    expect(net(text)).toBeLessThan(0);
  });

  it('reads being charged twice as worse than being charged', () => {
    expect(net('I was charged twice')).toBeLessThan(net('I was charged'));
  });

  it('reads an outstanding balance as a sum owed, not as praise', () => {
    expect(net('Please pay the outstanding balance')).toBe(0);
    expect(net('Outstanding service')).toBeGreaterThan(0);
  });

  it.each([
    ['The advisor went the extra mile'],
    ['Timely reminders before each payment'],
    ['An intuitive app'],
    ['I got exactly what I needed'],
    ['They were willing to swap the item'],
    ['Nothing is perfect'],
  ])('reads the praise in "%s" as positive', (text) => {
    expect(net(text)).toBeGreaterThan(0);
  });

  it('ends the negation of a praise idiom or an absence with it', () => {
    // "no" is used up by "no problems" / "no wifi"; the praise that follows is not turned around.
    expect(net('No problems, quick')).toBeGreaterThan(net('No problems'));
    expect(net('No hassle, very efficient')).toBeGreaterThan(net('No hassle'));
    expect(net('No wifi, great food')).toBeGreaterThan(0);
    // A complaint idiom keeps its scope: "not working fine" is no praise.
    expect(net('My internet is not working fine')).toBeLessThan(net('My internet is not working'));
    // A second negator starts a scope of its own.
    expect(net('No problems, not quick')).toBeLessThan(net('No problems'));
  });

  it.each([
    ['This is our third attempt to book the repair'],
    ['Hopefully this time the parcel arrives'],
    ['They keep changing the delivery slot'],
    ["The agent didn't understand my question"],
    ['Gutted with the hotel'],
    ['Absolute clowns at the depot'],
  ])('reads the failed attempts, reschedules or exasperation in "%s" as a complaint', (text) => {
    expect(net(text)).toBeLessThan(0);
  });

  it('reads missing out on an offer as worse than missing a call', () => {
    expect(net('We missed out on the launch offer')).toBeLessThan(net('We missed the call'));
  });

  it.each([
    ['The repair took months'],
    ['The refund arrived weeks later'],
    ['We are only getting half the speed we pay for'],
    ['I only heard back from the insurer today'],
    ['There is little choice of flights'],
    ['Eventually someone answered'],
    ['An unnecessary delivery charge'],
  ])('reads the time lost, short delivery or captive choice in "%s" as a complaint', (text) => {
    expect(net(text)).toBeLessThan(0);
  });

  it('reads leaving when the contract allows as a strong complaint', () => {
    expect(net('I will leave as soon as my contract allows')).toBeLessThanOrEqual(-2.5);
  });

  it.each([
    ["Couldn't be happier with the branch"],
    ["The room couldn't be better"],
    ["The staff couldn't do enough for us"],
    ['Nothing was too much trouble for the crew'],
    ['Second to none'],
    ['Booked it easily online'],
    ['The pharmacist explained the dosage'],
  ])('reads the praise in "%s" as positive, negation and all', (text) => {
    expect(net(text)).toBeGreaterThan(0);
  });

  it.each([
    ['Why on earth would I pay twice'],
    ["The driver couldn't be bothered to knock"],
    ['Steer clear of this garage'],
    ['Waiting for my refund'],
    ['I spent hours on the phone'],
    ['Every advisor gave a different answer'],
  ])('reads the exasperation, waiting or runaround in "%s" as a complaint', (text) => {
    expect(net(text)).toBeLessThan(0);
  });

  it('reads "too much trouble" as a complaint on its own', () => {
    expect(net('It was too much trouble for them')).toBeLessThan(0);
  });

  it('reads "couldn\'t care less" and "avoid at all costs" as strong complaints', () => {
    expect(net("They couldn't care less")).toBeLessThanOrEqual(-2.5);
    expect(net('Avoid at all costs')).toBeLessThanOrEqual(-2.5);
  });

  it('lets a downtoner reach through "more"', () => {
    expect(net('a bit more expensive')).toBeLessThan(0);
    expect(net('a bit more expensive')).toBeGreaterThan(net('more expensive'));
  });

  it('reads what the company told the customer as the start of a broken promise', () => {
    expect(net('They told me it would be fixed')).toBeLessThan(net('It would be fixed'));
  });

  it.each([["Haven't received my order"], ['We never got our tickets'], ["I haven't received my card"]])(
    'reads the undelivered purchase in "%s" as an absence complaint',
    (text) => {
      expect(net(text)).toBeLessThanOrEqual(-2);
    },
  );

  it.each([
    ['The case has been open for months'],
    ['We ordered over a month ago'],
    ['The courier never came'],
    ['The parcel never arrived'],
    ['The waiter spilled soup on my jacket'],
    ['We had to flag down a porter'],
    ['Less than impressed with the upgrade'],
  ])('reads the long wait, no-show, mishap or understatement in "%s" as a complaint', (text) => {
    expect(net(text)).toBeLessThan(0);
  });

  it.each([
    ['I would like a refund'],
    ['It looks like a warehouse'],
    ['Happy hour ends at six'],
    ['Before we had a chance to pay'],
  ])('finds no praise in the comparison, request or name in "%s"', (text) => {
    expect(net(text)).toBe(0);
  });

  it.each([
    ['Thanks for nothing'],
    ['Oh great, another delay'],
    ['The so-called express lane'],
    ['Queued for an eternity'],
  ])('reads the sarcasm or hyperbole in "%s" as a complaint', (text) => {
    expect(net(text)).toBeLessThan(0);
  });

  it('reads "surprise surprise" as sarcasm that deepens the complaint', () => {
    expect(net('Surprise surprise, the train was late')).toBeLessThan(net('The train was late'));
  });

  it('reads invaluable help as praise', () => {
    expect(net('The helpline was invaluable')).toBeGreaterThan(0);
  });

  it('scores nothing in empty or symbol-only text', () => {
    expect(net('')).toBe(0);
    expect(net('!!! ??? ...')).toBe(0);
  });

  it('reads words that name object properties as plain words', () => {
    // "constructor" once read as a degree word from the lexicon object, which made the score NaN.
    for (const word of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
      expect(net(`${word} great service`)).toBe(net('great service'));
      expect(wordValence(word)).toBe(0);
    }
  });

  it('stresses a word in capitals only when the rest of the text is not shouted too', () => {
    expect(net('The wait was AWFUL')).toBeLessThan(net('The wait was awful'));
    expect(net('THE WAIT WAS AWFUL')).toBe(net('the wait was awful'));
  });
  it.each([
    ['The manager was yelling at the cashier'],
    ['A very unfriendly receptionist'],
    ['Shoddy workmanship on the new boiler'],
    ['Underwhelming, honestly'],
    ['The signal is patchy upstairs'],
    ['Exorbitant roaming charges'],
    ['The agent seemed disinterested'],
    ['My emails went unreturned'],
    ['The form is overly complicated'],
  ])('reads the failure of manner, quality or price in "%s" as a complaint', (text) => {
    expect(net(text)).toBeLessThan(0);
  });

  it('still reads praise of someone who is overly kind as praise', () => {
    expect(net('The nurse was overly kind')).toBeGreaterThan(0);
  });
  it.each([
    ['To make matters worse the refund bounced'],
    ['That was the final straw for me'],
    ["We won't be back"],
    ['I would not suggest this branch'],
    ['I would have thought a bank could answer a letter'],
    ['The speed is far slower than advertised'],
    ['The sofa was not as described'],
    ['The guard saw it and did nothing'],
    ['Your call centre needs more training'],
    ['We walked out after forty minutes'],
  ])('reads the complaint story, lost customer or unmet standard in "%s" as a complaint', (text) => {
    expect(net(text)).toBeLessThan(0);
  });

  it('reads "will be back" and "yet to be disappointed" as praise', () => {
    expect(net('We will definitely be back')).toBeGreaterThan(0);
    expect(net('I have yet to be disappointed')).toBeGreaterThan(0);
  });

  it('reads "did nothing wrong" as no complaint', () => {
    expect(net('The driver did nothing wrong')).toBeGreaterThanOrEqual(0);
  });
  it.each([
    ['A phenomenal hotel stay'],
    ['Welcoming and considerate reception staff'],
    ['The surveyor was thorough'],
    ['Reasonably priced flights'],
    ['At that price the jacket was a steal'],
    ['Flavourful dishes'],
  ])('reads the praise in "%s" as positive', (text) => {
    expect(net(text)).toBeGreaterThan(0);
  });

  it('lets "unbelievably" and "thoroughly" strengthen the word after them', () => {
    expect(net('unbelievably slow')).toBeLessThan(net('slow'));
    expect(net('thoroughly enjoyed')).toBeGreaterThan(net('enjoyed'));
  });
  it.each([
    ['We were greeted coldly at the desk'],
    ['The concierge was aloof'],
    ['Returning the kettle was an ordeal'],
    ['Grime on every table'],
    ['The adviser never bothered to call'],
    ['Nowhere near the speed we pay for'],
  ])('reads the cold welcome, ordeal, grime or neglect in "%s" as a complaint', (text) => {
    expect(net(text)).toBeLessThan(0);
  });
  it.each([
    ["The pharmacist didn't know the opening hours"],
    ['They switched my tariff without telling me'],
    ['The salesman kept pushing the extended warranty'],
    ['She had the audacity to charge a fee'],
    ['We still paid full price'],
    ['An over-priced ferry crossing'],
  ])('reads the unknowing, unasked or pushy service or the price in "%s" as a complaint', (text) => {
    expect(net(text)).toBeLessThan(0);
  });

  it('reads "without asking" as worse than the plain act', () => {
    expect(net('They renewed the policy without asking')).toBeLessThan(net('They renewed the policy'));
  });
  it.each([
    ['I have not received the voucher'],
    ["We didn't receive the boarding passes"],
    ['The cleaning was not provided as booked'],
    ['The furniture was never delivered'],
    ['Security kicked us out at nine'],
  ])('reads the undelivered service or the ejection in "%s" as a complaint', (text) => {
    expect(net(text)).toBeLessThanOrEqual(-1.5);
  });
  it.each([
    ['A personable and punctual driver'],
    ['The room was immaculate'],
    ['The pharmacist took the time to explain the dosage'],
    ['Real attention to detail in the fitting'],
    ['The crew made us feel welcome'],
    ['The nurses looked after my mother'],
  ])('reads the care or cleanliness in "%s" as praise', (text) => {
    expect(net(text)).toBeGreaterThan(0);
  });
  it.each([
    ['The new app works well'],
    ['My claim was handled very well'],
    ['A well organised check-in'],
    ['Very helpfull lady on the phone'],
  ])('reads the praise of what works or was handled well in "%s" as positive', (text) => {
    expect(net(text)).toBeGreaterThan(0);
  });

  it('reads "not very well" as a complaint', () => {
    expect(net('The queue was not very well managed')).toBeLessThan(0);
  });
  it.each([
    ['The adviser never asked what I needed'],
    ['The cabin crew paid little attention to us'],
    ['He shrugged and walked off'],
  ])('reads the inattention in "%s" as a complaint', (text) => {
    expect(net(text)).toBeLessThan(0);
  });
});

describe('a denied complaint word', () => {
  it.each([['The courier was not rude'], ['Not a disaster this time'], ["The seats weren't filthy"]])(
    'reads "%s" as faint relief at most, never as praise',
    (text) => {
      expect(net(text)).toBeGreaterThan(0);
      expect(net(text)).toBeLessThanOrEqual(0.5);
    },
  );

  it('lets a strong word denied count no more than a mild one denied', () => {
    expect(net("they're not awful")).toBe(net("they're not slow"));
  });

  it('still turns denied praise into a complaint', () => {
    expect(net('the hotel was not good')).toBeLessThan(-1);
  });
});

describe('laughter', () => {
  it.each([['lol'], ['lmao'], ['haha'], ['hahaha']])(
    'gives "%s" no valence: a tone, not a verdict',
    (word) => {
      expect(wordValence(word)).toBe(0);
    },
  );

  it('leaves the complaint it follows whole', () => {
    expect(net('they lost my suitcase again lol')).toBe(net('they lost my suitcase again'));
  });
});

describe('"and counting"', () => {
  it('reads a wait that is not over as a complaint', () => {
    expect(net('two hours on the runway and counting')).toBeLessThan(0);
  });
});

describe('someone who has died', () => {
  it.each([
    ["I'm writing about my late mother's account"],
    ['the late Mr Okafor held a policy with you'],
    ["my late parents' house insurance"],
  ])('reads "late" in "%s" as no complaint', (text) => {
    expect(net(text)).toBe(0);
  });

  it('leaves what is said of the service whole', () => {
    expect(net("sorting my late dad's account has been a nightmare")).toBeLessThan(0);
    expect(net("you were so kind about my late wife's account")).toBeGreaterThan(0);
  });

  it('still reads a late parcel or a late engineer as late', () => {
    expect(net('my parcel is late')).toBeLessThan(0);
    expect(net('the engineer was late and my husband had to take the day off')).toBeLessThan(0);
  });
});

describe('praise that words fail', () => {
  it.each([
    ["can't thank him enough"],
    ['I cannot recommend the team enough'],
    ["couldn't praise her enough"],
    ["can't recommend you guys enough"],
  ])('reads "%s" as praise', (text) => {
    expect(net(text)).toBeGreaterThan(2);
  });

  it('leaves a recommendation refused a complaint', () => {
    expect(net("I can't recommend this place")).toBeLessThan(-2);
    expect(net("couldn't recommend her to anyone")).toBeLessThan(0);
  });
});
