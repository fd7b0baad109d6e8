import { ibanWithCheckDigits } from '@/lib/iban';

// The Board's own account, from which benefits are paid (the debtor of every payment
// file), and the file's initiating party. Configuration, not data: set
// PAYMENTS_DEBTOR_NAME, PAYMENTS_DEBTOR_IBAN, PAYMENTS_DEBTOR_BIC and PAYMENTS_INITIATOR_ID
// (the Board's registry code) in production. The defaults are demo values.
export type DebtorConfig = { name: string; iban: string; bic: string; registryCode: string };

export function debtorConfig(env: Record<string, string | undefined> = process.env): DebtorConfig {
  return {
    name: env.PAYMENTS_DEBTOR_NAME || 'Sotsiaalkindlustusamet',
    iban: (env.PAYMENTS_DEBTOR_IBAN || ibanWithCheckDigits('EE', '1010010020145682')).replace(/\s/g, '').toUpperCase(),
    bic: env.PAYMENTS_DEBTOR_BIC || 'EEUHEE2X',
    registryCode: env.PAYMENTS_INITIATOR_ID || '70001975',
  };
}
