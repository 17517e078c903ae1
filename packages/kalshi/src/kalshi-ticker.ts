/**
 * Kalshi game tickers. Event `KXNFLGAME-26OCT08TBDAL` = series, then YY MON DD (the US local
 * game date) and the AWAY then HOME team codes glued together; market = event + `-DAL`
 * (YES = that team wins; `-TIE` is the draw leg of 3-way soccer events).
 */

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

export interface KalshiEventTicker {
  series: string;
  /** `YYYY-MM-DD` */
  localDate: string;
  /** AWAY+HOME codes without separator, e.g. "TBDAL". */
  teamsCode: string;
}

export function parseEventTicker(eventTicker: string): KalshiEventTicker | undefined {
  const m = /^([A-Z0-9]+)-(\d{2})([A-Z]{3})(\d{2})([A-Z0-9]+)$/.exec(eventTicker);
  if (!m) return undefined;
  const [, series, yy, mon, dd, teamsCode] = m;
  const month = MONTHS.indexOf(mon ?? "");
  if (!series || !teamsCode || month < 0) return undefined;
  return { series, localDate: `20${yy}-${String(month + 1).padStart(2, "0")}-${dd}`, teamsCode };
}

/** `KXNHLGAME-26NOV28BOSTOR`: the event ticker of a game on `localDate` (YYYY-MM-DD), away code first. */
export function eventTicker(series: string, localDate: string, awayCode: string, homeCode: string): string {
  const [y, m, d] = localDate.split("-");
  return `${series}-${y!.slice(2)}${MONTHS[Number(m) - 1]}${d}${awayCode}${homeCode}`;
}

/** The outcome code of a market ticker: `KXNFLGAME-26OCT08TBDAL-DAL` → "DAL". */
export function marketOutcomeCode(marketTicker: string, eventTicker: string): string | undefined {
  if (!marketTicker.startsWith(`${eventTicker}-`)) return undefined;
  const code = marketTicker.slice(eventTicker.length + 1);
  return code.length > 0 ? code : undefined;
}

/**
 * Every way to cut the glued codes into AWAY + HOME (codes are 2-4 characters). Team codes vary
 * in length ("TB", "DAL", "LV", "PDX"), so the caller keeps the split whose both halves are teams
 * of the sport and that names a known game.
 */
export function candidateSplits(teamsCode: string): Array<{ away: string; home: string }> {
  const splits: Array<{ away: string; home: string }> = [];
  for (let i = 2; i <= teamsCode.length - 2; i++) {
    const away = teamsCode.slice(0, i);
    const home = teamsCode.slice(i);
    if (away.length <= 4 && home.length <= 4) splits.push({ away, home });
  }
  return splits;
}
