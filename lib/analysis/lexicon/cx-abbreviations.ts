/**
 * Shorthand that customers write in social posts and agents write in case notes, with the word each
 * stands for: "flt cxld", "cust svc never called back", "bkg ref lost". A theme cue that matches the
 * full word matches its shorthand too (see `compileTerm` in themes/theme-taxonomy.ts), so every cue,
 * built-in or an account's own, reads "flt" where it reads "flight" without a second spelling in the
 * taxonomy; and the sentiment lexicon weighs shorthand as its word ("cxld" as "cancelled"). Only shorthand that means one thing in customer feedback is listed: "acc" (account or
 * accident?) and "del" (delivery or delete?) are not.
 */
export const CX_ABBREVIATIONS: Readonly<Record<string, string>> = {
  // travel
  flt: 'flight',
  flts: 'flights',
  cxl: 'cancelled',
  cxld: 'cancelled',
  cxled: 'cancelled',
  canx: 'cancelled',
  canxd: 'cancelled',
  cancld: 'cancelled',
  cncld: 'cancelled',
  cnx: 'cancelled',
  cnxd: 'cancelled',
  dlyd: 'delayed',
  bkg: 'booking',
  bkgs: 'bookings',
  bkd: 'booked',
  resv: 'reservation',
  rsvn: 'reservation',
  rez: 'reservation',
  // money and accounts
  pmt: 'payment',
  pmts: 'payments',
  pymt: 'payment',
  pymnt: 'payment',
  acct: 'account',
  accts: 'accounts',
  bal: 'balance',
  amt: 'amount',
  // service and people
  svc: 'service',
  svcs: 'services',
  serv: 'service',
  cust: 'customer',
  mgr: 'manager',
  mgmt: 'management',
  appt: 'appointment',
  appts: 'appointments',
  // parcels
  pkg: 'package',
  pkgs: 'packages',
  dlvry: 'delivery',
  deliv: 'delivery',
};
