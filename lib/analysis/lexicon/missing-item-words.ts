/**
 * "Where is my", "where are our": asking after something of the customer's. Not "wheres": its stem is
 * "where", which would match "where my money came from".
 */
const WHERE_IS_MY = ['where is my', 'where are my', "where's my", 'where is our', 'where are our'];

/**
 * What a customer is owed and waits on, in every industry: a parcel or an order, a bag after a flight,
 * a card or money from a bank, a refund, a reply, food at the table, an engineer at home.
 */
const OWED_ITEMS = [
  'order',
  'parcel',
  'package',
  'delivery',
  'item',
  'goods',
  'refund',
  'compensation',
  'money',
  'deposit',
  'card',
  'bag',
  'bags',
  'luggage',
  'suitcase',
  'ticket',
  'tickets',
  'food',
  'drinks',
  'engineer',
  'router',
  'reply',
  'response',
  'callback',
  'invoice',
  'receipt',
  'voucher',
];

const MISSING_ITEM_VALENCE = -2;

/**
 * Asking where something owed is ("where are my bags?", "where is my refund?") says it has not come: a
 * complaint, however it is punctuated. Asking where something is found or goes ("where is the nearest
 * branch?", "where are cards delivered to?", "where my money came from") names no owed thing of the
 * customer's right after "where is my".
 */
export function missingItemValences(): Array<readonly [string, number]> {
  return WHERE_IS_MY.flatMap((opener) =>
    OWED_ITEMS.map((item) => [`${opener} ${item}`, MISSING_ITEM_VALENCE] as const),
  );
}
