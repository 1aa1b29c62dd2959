import { describe, expect, it } from 'vitest';
import { extractSignals } from '../../../../lib/analysis/signals/extract-signals.js';
import { has, triggerBit, triggersIn } from '../../../../lib/analysis/signals/signal-triggers.js';
import { tokenize } from '../../../../lib/analysis/text/tokenize.js';

describe('extractSignals: wait duration in minutes', () => {
  it.each([
    ['I waited on hold for 45 minutes', 45],
    ['2 hours on the tarmac, no water', 120],
    ['3 hours at the gate and no information', 180],
    ['Waited two hours to speak to someone', 120],
    ['It took 3 weeks to get connected', 30240],
    ['45 mins on hold', 45],
    ['on hold 2hrs', 120],
    ['Still waiting after 1.5 hours', 90],
    ['Over a month later and nothing', 43200],
    ['Been waiting a couple of days', 2880],
    ['Took a few weeks', 30240],
    ['waited half an hour', 30],
    ['waited half an hour-ish', 30],
    ["an hour's wait on the phone", 60],
    ['On hold 10 minutes, then 40 minutes the next day', 40],
    ['I WAITED 20 MINUTES', 20],
    ['I have been waiting 6 months for my refund', 259200],
    ['45 min queue at the check-in desk', 45],
    ['stood 20 mins in line for a coffee', 20],
    // A number written into its unit still lets the pattern run (the trigger word is "fivedays").
    ['still waiting after fivedays', 7200],
    ['on hold for anhour', 60],
    // Years are a wait where the customer says they waited or tried.
    ['still waiting after 2 years for the repair', 1051200],
    ['I have tried for 3 years to get this fixed', 1576800],
    // A customer's own numbers with a service are no tenure: "with no" keeps the wait.
    ['waited 3 hours with no update', 180],
    // Done "in" weeks is slow, and a wait for days before it was done is still a wait.
    ['the refund was finally paid after 3 weeks', 30240],
    ['for my claim to be paid in 3 weeks is a disgrace', 30240],
    ['waited 2 days for it to be fixed', 2880],
  ])('"%s" -> %i', (text, minutes) => {
    const signals = extractSignals(text);
    expect(signals.waitMinutes).toBe(minutes);
    expect(text).toContain(signals.evidence.waitMinutes);
  });

  it.each([
    ['No wait at all'],
    ['Delivered within 24 hours'],
    ['The engineer fixed it in 10 minutes'],
    ['We booked a 2 hour slot'],
    ['Waited ages'],
    ['Great service'],
    ['our 24 hour helpline is free'],
    // A unit inside another word ("today", "Friday", "admin") is no duration.
    ['waited for the admin today and again on Friday'],
    // An age, a time to come, a span something happened in.
    ['way too much for a 19 year old girl'],
    ['bought it for my 5-year-old'],
    ['prices are fixed for the next 5 years'],
    ['I will be working with them over the 4 days'],
    // How long the customer has been one, or a thing lasted; a credit report's late mark; years told as
    // a span, not a wait.
    ['been a customer for over 15 years and never complained'],
    ['left them after 10 years with @OldTelco'],
    ['We have banked with them 12 years'],
    ['the kettle broke after 6 months of use'],
    ['they reported a 60 day late payment'],
    ['I have had this phone for nearly 2 years'],
    ['for 8 years the council ignored the road'],
    // How fast something was done, in days or less.
    ["claim for my dog's op paid in 3 days, thank you"],
    ['they sorted it out in half an hour'],
  ])('"%s" -> no wait figure', (text) => {
    expect(extractSignals(text).waitMinutes).toBeNull();
  });
});

describe('extractSignals: the part of a comment the duration pattern reads', () => {
  // The pattern reads from the first unit word's number and words to the last one's " and a half": each
  // edge of that reach, and the comments it reads whole.
  it.each([
    // The most words a number may take before its unit, and spaces of any kind between them.
    ['Lovely staff, but I waited more than a couple of \u00a0 days for the part', 2880],
    ['Great shop. Waited about 2 + - 3 hours', 180],
    ['on hold half an hour and then an hour and a half', 90],
    ['waited 20 minutes and a half', 30],
    // A unit written into the word after the last unit word is no unit: the cut makes no word boundary.
    ['Waited a month, then 10.5 daysforty more', 43200],
    // A link is no token: a comment with one is read whole, as before.
    ['They kept me waiting 3 days, see www.example.com/then-5-weeks-later', 50400],
    ['waited 2 hours #then5weekslater', 120],
  ])('%j -> %i', (text, minutes) => {
    expect(extractSignals(text).waitMinutes).toBe(minutes);
  });
});

describe('extractSignals: typographic apostrophes', () => {
  // The text is lower-cased with ’ read as ', and only a text holding ’ is searched for it.
  it.each([["I'm leaving for another provider"], ['I’m leaving for another provider']])(
    '%j -> churn',
    (text) => {
      const signals = extractSignals(text);
      expect(signals.intents).toContain('churn_risk');
      expect(text).toContain(signals.evidence.churn_risk);
    },
  );
});

describe('extractSignals: contacts and transfers', () => {
  it.each([
    ["This is the third time I've called", 3],
    ['Third time I\u2019ve called about this', 3],
    ['I have called 5 times', 5],
    ['rang three times and nobody knew', 3],
    ["I've had to call back twice", 2],
    ['after numerous calls', 3],
    ['I called again yesterday', 2],
    ['contacted you 4 times', 4],
    ['10+ calls and still broken', 10],
    ['my 4th call this week', 4],
    ['Tenth attempt to get this fixed', 10],
    ['called 5x and still nothing', 5],
    ['called u guys like 6 times', 6],
    ["I've made two complaints and nothing happened", 2],
    ['second time I have had to chase you', 2],
  ])('"%s" -> %i contacts', (text, count) => {
    expect(extractSignals(text).contactCount).toBe(count);
  });

  it.each([
    ['Called once and it was sorted'],
    ['Great call with the agent'],
    ['First time customer'],
    ['the 5x zoom on this phone is great'],
    // A count of times or complaints that is no contact.
    ['Just watched it for the 20TH TIME!!'],
    ['Last night was my second time dining here and I loved it'],
    ['My only two complaints are that our server was slow and the music loud'],
  ])('"%s" -> no repeat contact', (text) => {
    expect(extractSignals(text).contactCount).toBeNull();
  });

  it.each([
    ['I was transferred 4 times', 4],
    ['Passed from pillar to post', 2],
    ['I was transferred to another department', 1],
    ['I spoke to 5 different people', 5],
    ['transferred three times before anyone helped', 3],
    ['transferred 3x, then cut off', 3],
    ['having to deal with twenty different people', 20],
    ['they transferred me to billing and hung up', 1],
  ])('"%s" -> %i transfers', (text, count) => {
    expect(extractSignals(text).transferCount).toBe(count);
  });

  it.each([
    ['The agent sorted it herself'],
    // People counted without being passed between them.
    ['the manner of the 2 staff members was above expectation'],
    ['no tables of more than five people'],
    ['$110 for two people for a full meal'],
    // Money transferred, not the customer.
    ['I transferred money to the wrong account'],
    ['our bar tab was quickly transferred'],
  ])('"%s" -> no transfers', (text) => {
    expect(extractSignals(text).transferCount).toBeNull();
  });
});

describe('extractSignals: intents', () => {
  it.each([
    ["I'm cancelling my account", 'churn_risk'],
    ['I will be leaving at the end of my contract', 'churn_risk'],
    ['switching to Sky next month', 'churn_risk'],
    ['moving to another provider', 'churn_risk'],
    ['taking my business elsewhere', 'churn_risk'],
    ["won't be renewing", 'churn_risk'],
    ['We will not be returning', 'churn_risk'],
    ['never using you again', 'churn_risk'],
    ["I won't be staying with you", 'churn_risk'],
    ['I am ending my contract', 'churn_risk'],
    ['Never again!', 'churn_risk'],
    ['two hours on the tarmac. never again #worst', 'churn_risk'],
    ['I will never fly with them again', 'churn_risk'],
    ['we are never booking this hotel again', 'churn_risk'],
    ['never again will I order from here', 'churn_risk'],
    ["that's the last time I fly with you", 'churn_risk'],
    ['This was our final time we stay at this chain', 'churn_risk'],
    ["I'm done with you guys", 'churn_risk'],
    ['We are officially done with this bank', 'churn_risk'],
    ['Please call me back', 'callback_request'],
    ['Can someone ring me on my mobile', 'callback_request'],
    ["I'd like a call from a manager", 'callback_request'],
    ['Could you please phone me back', 'callback_request'],
    ['Please get back in touch with me', 'callback_request'],
    ['flight cancelled, no rebooking. can someone DM me please', 'callback_request'],
    ['pls get back to me today', 'callback_request'],
    ['Still expecting a call back from your team', 'callback_request'],
    ['someone please ring me back today', 'callback_request'],
    ['I am switching over to @NorthBank', 'churn_risk'],
    ['thinking of switching to a cheaper supplier', 'churn_risk'],
    ["Overpriced and rude. Won't be back.", 'churn_risk'],
    ['I will complain to the ombudsman', 'escalation'],
    ['Ofcom will hear about this', 'escalation'],
    ['My solicitor will be in touch', 'escalation'],
    ["I'll be posting this on Twitter", 'escalation'],
    ['I have made a formal complaint', 'escalation'],
    ['I want to speak to a manager, now', 'escalation'],
    ['I asked to talk with a supervisor and was refused', 'escalation'],
    ['put me through to your team leader', 'escalation'],
    ["Refund me or I'm reporting you to the BBB", 'escalation'],
    ['I will take them to the small claims court', 'escalation'],
    ["I'm prepared to sue if this isn't fixed", 'escalation'],
    ['I have contacted a consumer lawyer', 'escalation'],
    ['we will file a lawsuit', 'escalation'],
  ])('"%s" -> %s', (text, intent) => {
    const signals = extractSignals(text);
    expect(signals.intents).toContain(intent);
    expect(text).toContain(signals.evidence[intent]);
  });

  it.each([
    ['You cancelled my order without telling me'],
    ['My appointment was cancelled'],
    ["I'm not leaving, just annoyed"],
    ['Nobody called me back'],
    ['Moving to a new house went smoothly'],
    ['Switching to paperless billing was easy'],
    ['During the call the agent offered to bring the date forward'],
    ['I will recommend you to my friends'],
    ["I'm not done with you yet, the form is half filled"],
    ['once we were done with them we went for lunch'],
    ['the last time I used them it was fine'],
    ['never again did they lose a bag of mine'],
    ['two spare tickets for Saturday, DM me if interested'],
    ['the lender keeps reporting it to the bureaus as late'],
    ['I spoke to a manager and it was sorted'],
    ['nobody got back to me'],
    ['I have never had to call again since the fix'],
    // A call-back someone promised, reported: the complaint is the broken promise, not a request now.
    ['they said someone would call me back within 24 hours'],
    ['I was promised a manager will call me back'],
    ['he told me he would ring me on Monday'],
    ['the rep promised to call me back'],
    // Switching to something that is no provider.
    ['how do I switch to a different card'],
    ['the office will switch to new hours in May'],
    ['I will be back in touch once the bill arrives'],
    // Courts and lawyers in the news or in a case's story, not the customer's threat.
    ['the Supreme Court ruled on Monday'],
    ['a corporate lawyer on TV said so'],
    ['the Attorney General said the fees were legal'],
    ['the bankruptcy court discharged my debt'],
  ])('"%s" -> no intent', (text) => {
    expect(extractSignals(text).intents).toEqual([]);
  });
});

describe('extractSignals: a flight is no wait', () => {
  it.each(['a 2 hour flight, stuck in the middle seat', 'the 3 hour flight was sitting pretty'])(
    '%j has no wait',
    (text) => {
      expect(extractSignals(text).waitMinutes).toBeNull();
    },
  );
});

describe('extractSignals: hashtags say what a sentence would', () => {
  it.each([
    ['4 hours on the tarmac, thanks for nothing #NeverAgain', 'churn_risk', '#NeverAgain'],
    ['lost my bag twice this year #neverflyingunitedagain', 'churn_risk', '#neverflyingunitedagain'],
    ['cancelled without notice #BoycottUnited', 'churn_risk', '#BoycottUnited'],
    ['three days and no answer #CallMeBack', 'callback_request', '#CallMeBack'],
  ])('"%s" -> %s from %s', (text, intent, hashtag) => {
    const signals = extractSignals(text);
    expect(signals.intents).toContain(intent);
    expect(signals.evidence[intent]).toBe(hashtag);
  });

  it('keeps the sentence as the evidence when the text says it too', () => {
    const signals = extractSignals('I am cancelling my contract #NeverAgain');
    expect(signals.intents).toEqual(['churn_risk']);
    expect(signals.evidence.churn_risk).toBe('am cancelling my contract');
  });

  it.each([
    ['#1 airline for legroom'],
    ['#travel #holiday with the kids'],
    ['loved the #AgainAndAgain playlist'],
    ['new cabinet named #AttorneyGeneral'],
  ])('"%s" -> no intent', (text) => {
    expect(extractSignals(text).intents).toEqual([]);
  });

  it.each([['I will boycott them from now on', 'churn_risk']])('"%s" -> %s', (text, intent) => {
    expect(extractSignals(text).intents).toContain(intent);
  });

  it('does not take "not boycotting" for churn', () => {
    expect(extractSignals('we are not boycotting anyone, just tell us the gate').intents).toEqual([]);
  });
});

describe('extractSignals: paired trigger words', () => {
  // A common word ("had", "back", "manager", "company") runs its pattern only when the comment also holds
  // the pattern's other word; the two may stand apart, in either order, with other words between them.
  it.each([
    ['Three weeks of silence, so I had to phone them', 'contactCount', 2],
    ['I phoned on Monday and then rang them up again', 'contactCount', 2],
  ])('"%s" -> %s %s', (text, field, value) => {
    expect(extractSignals(text)[field as 'contactCount']).toBe(value);
  });

  it.each([
    ['Could somebody from your billing team please call me back', 'callback_request'],
    ['please message me about the refund', 'callback_request'],
    ['I am now expecting a phone call from your team', 'callback_request'],
    ['this is hopeless, I am looking for a new provider', 'churn_risk'],
    ['after this we will not be renewing', 'churn_risk'],
    ['never ordering from this company again', 'churn_risk'],
    ['honestly that was the last time I book with them', 'churn_risk'],
    ['I am so done with your bank', 'churn_risk'],
    ['I asked to speak to a senior manager', 'escalation'],
    ['I will take this further if the charge stays', 'escalation'],
    ['my next step is small claims court', 'escalation'],
    ['I will be writing a bad review', 'escalation'],
    ['I will complain to the head office', 'escalation'],
    ['we are going to the papers with this', 'escalation'],
    ['I am reporting this to the trading standards office', 'escalation'],
  ])('"%s" -> %s', (text, intent) => {
    expect(extractSignals(text).intents).toContain(intent);
  });

  it.each([
    ['The manager was lovely and the company is great'],
    ['I had a good time and will come again'],
    ['we had our last meeting and were done by noon'],
    ['the credit report was fixed'],
  ])('"%s" -> no intent from one word of a pair', (text) => {
    expect(extractSignals(text).intents).toEqual([]);
  });
});

describe('churn trigger words', () => {
  const churnTriggered = (text: string) => has(triggersIn(tokenize(text)), 'churn');

  it.each(['I will cancel my contract', 'thinking of closing my account', 'switching to another bank'])(
    '%j runs the churn pattern',
    (text) => {
      expect(churnTriggered(text)).toBe(true);
      expect(extractSignals(text).intents).toContain('churn_risk');
    },
  );

  // Past forms say what happened, and the churn pattern reads none of them.
  it.each(['my flight was cancelled', 'the branch closed early', 'they switched my tariff'])(
    '%j does not',
    (text) => {
      expect(churnTriggered(text)).toBe(false);
    },
  );
});

describe('triggerBit', () => {
  it('is the bit `has` tests for its group, one bit per group', () => {
    const triggers = triggersIn(tokenize('I will cancel my contract after waiting 2 hours'));
    for (const group of ['churn', 'duration', 'escalation', 'callback'] as const)
      expect((triggers & triggerBit(group)) !== 0).toBe(has(triggers, group));
    expect(triggerBit('churn') & (triggerBit('churn') - 1)).toBe(0);
    expect(triggerBit('churn')).not.toBe(triggerBit('duration'));
  });
});

describe('extractSignals on hard input', () => {
  it.each([[''], ['😡😡😡'], ['<b>on hold</b> for <i>ages</i>'], ['El técnico no vino y esperé 3 horas']])(
    'finds nothing odd in %j',
    (text) => {
      const signals = extractSignals(text);
      expect(signals.contactCount).toBeNull();
      expect(signals.intents).toEqual([]);
    },
  );

  it('finishes on 100 KB of text and still finds the figures', () => {
    const text = `${'Service was fine. '.repeat(6000)}I waited on hold for 45 minutes and called 3 times.`;
    const signals = extractSignals(text);
    expect(signals.waitMinutes).toBe(45);
    expect(signals.contactCount).toBe(3);
  });
});
