import type { MarketName, OutcomeName } from "@edgeline/sdk";
import type { Decimal } from "decimal.js";
import { fromAmerican, overround, storedLine } from "../prices.ts";
import type { ProblemLog } from "../problems.ts";
import type { QuotePhase } from "../records.ts";
import type { CellValue, TableRow } from "../table.ts";
import { type Read, readAmerican, readPoints, readPuckLineText } from "./sbr-cells.ts";
import type { LineAndPrice, SbrLayout } from "./sbr-layout.ts";
import type { SheetCells } from "./sbr-sheet.ts";

/** A quote before it knows its game id and time. */
export interface QuoteDraft {
  market: MarketName;
  outcome: OutcomeName;
  line: Decimal | null;
  price: Decimal | null;
  phase: QuotePhase;
}

/**
 * A two-way pair whose implied probabilities sum outside this range is an error in the file
 * (-650/-650, two plus prices), not a market: the archive's real pairs carry 2-5% margins.
 */
export const PAIR_OVERROUND = { min: 0.98, max: 1.15 } as const;

/** NBA spreads are under 50 points and totals 150 or more; the archive tells them apart by size. */
const SPREAD_BELOW = 50;
const TOTAL_FROM = 150;

interface Sides {
  visitor: TableRow;
  home: TableRow;
}

/** Reads the quotes of one game; bad cells are logged and drop only their price group. */
export class SbrQuoteReader {
  constructor(
    private readonly cells: SheetCells,
    private readonly layout: SbrLayout,
    private readonly log: ProblemLog,
  ) {}

  /** `lostOpen`: rows whose Open cell the shifted-score repair consumed. */
  read(sides: Sides, lostOpen: ReadonlySet<TableRow>): QuoteDraft[] {
    const l = this.layout;
    const out: QuoteDraft[] = [];
    if (l.kind === "spread-total") {
      this.moneyline(sides, l.moneyline!, "closing", out);
      if (lostOpen.size === 0) this.spreadAndTotal(sides, l.open, "opening", out);
      this.spreadAndTotal(sides, l.close, "closing", out);
      return out;
    }
    if (lostOpen.size === 0) this.moneyline(sides, l.open, "opening", out);
    this.moneyline(sides, l.close, "closing", out);
    if (l.puckLine) this.puckLine(sides, l.puckLine, out);
    if (l.puckLineText !== null) this.puckLineText(sides, l.puckLineText, out);
    if (l.openTotal) this.total(sides, l.openTotal, "opening", out);
    if (l.closeTotal) this.total(sides, l.closeTotal, "closing", out);
    return out;
  }

  /** Reads both rows' cells of a column; a bad cell is logged and gives undefined. */
  private both<T>(sides: Sides, column: number, reader: (c: CellValue) => Read<T>): [T, T] | undefined {
    const v = reader(this.cells.value(sides.visitor, column));
    const h = reader(this.cells.value(sides.home, column));
    for (const [r, row] of [
      [v, sides.visitor],
      [h, sides.home],
    ] as const) {
      if (!r.ok) this.log.priceError(this.cells.where(row, column), r.message);
    }
    return v.ok && h.ok ? [v.value, h.value] : undefined;
  }

  /** Checks a two-way pair of American prices; logs and returns false when impossible. */
  private plausible(sides: Sides, column: number, what: string, v: Decimal, h: Decimal): boolean {
    const sum = overround([fromAmerican(v), fromAmerican(h)]);
    if (sum >= PAIR_OVERROUND.min && sum <= PAIR_OVERROUND.max) return true;
    this.log.priceError(
      this.cells.where(sides.visitor, column, `${v}/${h}`),
      `impossible ${what} pair: implied probabilities sum to ${sum.toFixed(3)}, outside ${PAIR_OVERROUND.min}-${PAIR_OVERROUND.max}`,
    );
    return false;
  }

  private moneyline(sides: Sides, column: number, phase: QuotePhase, out: QuoteDraft[]): void {
    const pair = this.both(sides, column, readAmerican);
    if (!pair) return;
    const [v, h] = pair;
    if (v === null || h === null) return; // NL: no line offered
    if (!this.plausible(sides, column, "moneyline", v, h)) return;
    out.push(
      { market: "moneyline", outcome: "away_team_win", line: null, price: fromAmerican(v), phase },
      { market: "moneyline", outcome: "home_team_win", line: null, price: fromAmerican(h), phase },
    );
  }

  /**
   * NBA `Open`/`Close`: the favourite's row holds its spread (points it gives, `pk` = 0), the other
   * row the total. Prices are not in the archive: the quotes carry the line and a null price.
   */
  private spreadAndTotal(sides: Sides, column: number, phase: QuotePhase, out: QuoteDraft[]): void {
    const pair = this.both(sides, column, readPoints);
    if (!pair) return;
    const kinds = pair.map((x) =>
      x === null ? null : x.gte(0) && x.lt(SPREAD_BELOW) ? "spread" : x.gte(TOTAL_FROM) ? "total" : "bad",
    );
    const value = `${pair[0] ?? "NL"}/${pair[1] ?? "NL"}`;
    if (kinds.includes("bad") || (kinds[0] !== null && kinds[0] === kinds[1])) {
      this.log.priceError(
        this.cells.where(sides.visitor, column, value),
        `cannot tell the spread from the total: one row must hold a spread (0 to ${SPREAD_BELOW}) and the other a total (${TOTAL_FROM} or more)`,
      );
      return;
    }
    const spreadAt = kinds.indexOf("spread");
    const totalAt = kinds.indexOf("total");
    if (spreadAt >= 0) {
      const points = pair[spreadAt]!;
      // The favourite gives the points: its handicap is −points.
      const homeLine = spreadAt === 1 ? points.negated() : points;
      out.push(
        {
          market: "spread",
          outcome: "home_team_win",
          line: storedLine(homeLine.plus(0)),
          price: null,
          phase,
        },
        {
          market: "spread",
          outcome: "away_team_win",
          line: storedLine(homeLine.negated().plus(0)),
          price: null,
          phase,
        },
      );
    }
    if (totalAt >= 0) {
      const points = storedLine(pair[totalAt]!);
      out.push(
        { market: "total", outcome: "over", line: points, price: null, phase },
        { market: "total", outcome: "under", line: points, price: null, phase },
      );
    }
  }

  /** Both rows carry the total's line; the visitor row's price is the over's, the home row's the under's. */
  private total(sides: Sides, cols: LineAndPrice, phase: QuotePhase, out: QuoteDraft[]): void {
    const lines = this.both(sides, cols.line, readPoints);
    const prices = this.both(sides, cols.price, readAmerican);
    if (!lines || !prices) return;
    const [lv, lh] = lines;
    const [over, under] = prices;
    if (lv === null || lh === null || over === null || under === null) return;
    if (!lv.eq(lh)) {
      this.log.priceError(
        this.cells.where(sides.visitor, cols.line, `${lv}/${lh}`),
        "the two rows give different total lines",
      );
      return;
    }
    if (!this.plausible(sides, cols.price, "total", over, under)) return;
    const line = storedLine(lv);
    out.push(
      { market: "total", outcome: "over", line, price: fromAmerican(over), phase },
      { market: "total", outcome: "under", line, price: fromAmerican(under), phase },
    );
  }

  /** 2016-17 on: each row's puck line (its own handicap) and price; taken as the closing line. */
  private puckLine(sides: Sides, cols: LineAndPrice, out: QuoteDraft[]): void {
    const lines = this.both(sides, cols.line, readPoints);
    const prices = this.both(sides, cols.price, readAmerican);
    if (!lines || !prices) return;
    this.puckPair(sides, cols.line, lines, prices, out);
  }

  /** 2014-16: `+1.5(-305)` in one cell per row. */
  private puckLineText(sides: Sides, column: number, out: QuoteDraft[]): void {
    const pair = this.both(sides, column, readPuckLineText);
    if (!pair) return;
    const [v, h] = pair;
    this.puckPair(
      sides,
      column,
      [v?.line ?? null, h?.line ?? null],
      [v?.price ?? null, h?.price ?? null],
      out,
    );
  }

  private puckPair(
    sides: Sides,
    column: number,
    [lv, lh]: (Decimal | null)[],
    [pv, ph]: (Decimal | null)[],
    out: QuoteDraft[],
  ): void {
    if (!lv || !lh || !pv || !ph) return;
    if (!lv.eq(lh.negated()) || lv.isZero()) {
      this.log.priceError(
        this.cells.where(sides.visitor, column, `${lv}/${lh}`),
        "the two rows' puck lines must be opposite handicaps (+1.5/-1.5)",
      );
      return;
    }
    if (!this.plausible(sides, column, "puck line", pv, ph)) return;
    out.push(
      {
        market: "spread",
        outcome: "away_team_win",
        line: storedLine(lv),
        price: fromAmerican(pv),
        phase: "closing",
      },
      {
        market: "spread",
        outcome: "home_team_win",
        line: storedLine(lh),
        price: fromAmerican(ph),
        phase: "closing",
      },
    );
  }
}
