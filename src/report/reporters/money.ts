/**
 * Money for a summary line, in the result's currency: whole units from 100 up, cents from 1, and
 * three significant digits below (a price per request is often a fraction of a cent).
 */
export function money(value: number, currency: string): string {
  const abs = Math.abs(value);
  const digits: Intl.NumberFormatOptions =
    abs === 0
      ? { maximumFractionDigits: 0 }
      : abs >= 100
        ? { maximumFractionDigits: 0 }
        : abs >= 1
          ? { minimumFractionDigits: 2, maximumFractionDigits: 2 }
          : { maximumSignificantDigits: 3 };
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, ...digits }).format(value);
}
