/**
 * Publisher labels that name a problem the taxonomy has a theme for: CFPB complaint issues and
 * sub-issues (chosen by the consumer) and banking77 intents. Labels that name no taxonomy theme
 * ("Incorrect information on your report") are left unmapped and out of the theme figures.
 * A sub-issue mapping wins over its issue's; a sub-issue mapped to `null` names no theme even where its
 * issue does (a credit limit is no fault of the card).
 */
export const cfpbIssueThemes: Readonly<Record<string, string>> = {
  'Trouble during payment process': 'billing',
  'Problem when making payments': 'billing',
  'Fees or interest': 'billing',
  "Charged fees or interest you didn't expect": 'billing',
  "Charged fees or interest I didn't expect": 'billing',
  'Unexpected or other fees': 'billing',
  'Problem with a purchase shown on your statement': 'billing',
  'Problem with a lender or other company charging your account': 'billing',
  'Problem caused by your funds being low': 'billing',
  'Money was not available when promised': 'delay',
  "Was approved for a loan, but didn't receive money": 'delay',
  'Problem with customer service': 'agent_attitude',
  'Trouble using your card': 'product_quality',
};

export const cfpbSubIssueThemes: Readonly<Record<string, string | null>> = {
  'Fee problem': 'billing',
  'Billing problem': 'billing',
  'Billing dispute for services': 'billing',
  "Don't agree with the fees charged": 'billing',
  'Problem with fees charged': 'billing',
  'Fees charged for closing account': 'billing',
  'Excess mileage, damage, or wear fees, or other problem after the lease is finish': 'billing',
  'Charged for a purchase or transfer you did not make with the card': 'billing',
  'Problem making or receiving payments': 'billing',
  "Card company isn't resolving a dispute about a purchase or transfer": 'unresolved',
  "Credit card company won't increase or decrease your credit limit": null,
  'Attempted to collect wrong amount': 'billing',
  'Trouble with how payments are being handled': 'billing',
  'Their investigation did not fix an error on your report': 'unresolved',
  "Credit card company isn't resolving a dispute about a purchase on your statement": 'unresolved',
  'Investigation took more than 30 days': 'delay',
  'Was not notified of investigation status or results': 'communication',
  'Problem with customer service': 'agent_attitude',
  'Received bad information about your loan': 'agent_knowledge',
  'Problem accessing account': 'digital_experience',
  'Problem using a debit or ATM card': 'product_quality',
};

export function cfpbTheme(issue: string, subIssue: string): string | undefined {
  const bySubIssue = cfpbSubIssueThemes[subIssue];
  return bySubIssue === null ? undefined : (bySubIssue ?? cfpbIssueThemes[issue]);
}

export const bankingIntentThemes: Readonly<Record<string, string>> = {
  request_refund: 'refund',
  Refund_not_showing_up: 'refund',
  extra_charge_on_statement: 'billing',
  transaction_charged_twice: 'billing',
  card_payment_fee_charged: 'billing',
  direct_debit_payment_not_recognised: 'billing',
  card_payment_not_recognised: 'billing',
  cash_withdrawal_charge: 'billing',
  transfer_fee_charged: 'billing',
  exchange_charge: 'billing',
  top_up_by_card_charge: 'billing',
  top_up_by_bank_transfer_charge: 'billing',
  card_payment_wrong_exchange_rate: 'billing',
  wrong_exchange_rate_for_cash_withdrawal: 'billing',
  cash_withdrawal_not_recognised: 'billing',
  card_arrival: 'delay',
  pending_transfer: 'delay',
  pending_card_payment: 'delay',
  pending_top_up: 'delay',
  pending_cash_withdrawal: 'delay',
  transfer_not_received_by_recipient: 'delay',
  balance_not_updated_after_bank_transfer: 'delay',
  balance_not_updated_after_cheque_or_cash_deposit: 'delay',
  terminate_account: 'churn_threat',
  card_not_working: 'product_quality',
  contactless_not_working: 'product_quality',
  virtual_card_not_working: 'product_quality',
};
