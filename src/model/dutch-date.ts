const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "14 december 2018" (day) or "december 2018" (month), from an ISO date, without time zones. */
export function formatDutchDate(iso: string, precision: 'day' | 'month'): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = MONTHS[(m ?? 1) - 1];
  return precision === 'day' ? `${d} ${month} ${y}` : `${month} ${y}`;
}
