/**
 * Numbers as the dashboard's English text (`9,876`, `3.1`, `12.3K`), written without `Intl`.
 * The first `Intl` formatter a page makes loads the browser's locale data: 200–270 ms of one
 * task at a phone's speed (4× CPU slowdown), in the middle of hydration, where the bars and
 * lists format their counts. The text is what `Intl.NumberFormat('en-US', …)` writes (tested
 * against it), so it is also the same on the server and in every browser.
 *
 * Like `Intl`, a number is rounded as its shortest decimal form (`String(value)`: 4.35 is
 * "4.35", so 4.4 at one decimal), half away from zero.
 */

/** `value` with thousands separators and at most `maxFractionDigits` decimals (`12,345.7`). */
export function groupedDecimal(
  value: number,
  maxFractionDigits = 0,
  minFractionDigits = 0,
): string {
  const { whole, fraction } = roundedParts(decimalDigits(value), maxFractionDigits);
  return `${signOf(value)}${grouped(whole)}${fractionText(fraction, minFractionDigits)}`;
}

/** Suffixes of the compact notation, by power of a thousand. */
const COMPACT_SUFFIXES = ['', 'K', 'M', 'B', 'T'] as const;

/**
 * `value` in compact notation with at most one decimal: `999`, `12.3K`, `1.3M` (a value that
 * rounds up to a thousand of a unit takes the next one: 999,950 is `1M`).
 */
export function compactDecimal(value: number): string {
  const digits = decimalDigits(value);
  for (let power = 0; power < COMPACT_SUFFIXES.length; power++) {
    const { whole, fraction } = roundedParts(shiftLeft(digits, power * 3), 1);
    if (whole.length <= 3 || power === COMPACT_SUFFIXES.length - 1) {
      const wholeText = power === 0 ? grouped(whole) : whole;
      return `${signOf(value)}${wholeText}${fractionText(fraction, 0)}${COMPACT_SUFFIXES[power]}`;
    }
  }
  throw new Error('unreachable: the last suffix always returns');
}

/** Unsigned decimal digits of `value` with a point, never in exponent form (`0.0000001`). */
function decimalDigits(value: number): string {
  const magnitude = Math.abs(value);
  const text = String(magnitude);
  if (!text.includes('e')) return text;
  // Below 1e-6 or from 1e21: toFixed writes the exact digits where String would use exponents.
  return magnitude < 1 ? magnitude.toFixed(20) : BigInt(Math.round(magnitude)).toString();
}

/** `-` for negative numbers and negative zero, as `Intl` writes them (`-0`). */
function signOf(value: number): string {
  return value < 0 || Object.is(value, -0) ? '-' : '';
}

/** Moves the decimal point of `digits` `places` to the left (`12345` by 3: `12.345`). */
function shiftLeft(digits: string, places: number): string {
  if (places === 0) return digits;
  const [whole = '0', fraction = ''] = digits.split('.');
  const padded = whole.padStart(places + 1, '0');
  const cut = padded.length - places;
  return `${padded.slice(0, cut)}.${padded.slice(cut)}${fraction}`;
}

/** The whole part (no leading zeros) and the fraction (at most `fractionDigits`) after rounding. */
function roundedParts(digits: string, fractionDigits: number): { whole: string; fraction: string } {
  const [whole = '0', fraction = ''] = digits.split('.');
  if (fraction.length <= fractionDigits) return { whole: trimLeadingZeros(whole), fraction };
  const kept = `${whole}${fraction.slice(0, fractionDigits)}`;
  const roundsUp = fraction.charCodeAt(fractionDigits) >= '5'.charCodeAt(0);
  const rounded = roundsUp ? incremented(kept) : kept;
  const cut = rounded.length - fractionDigits;
  return { whole: trimLeadingZeros(rounded.slice(0, cut)), fraction: rounded.slice(cut) };
}

/** A string of decimal digits plus one (`199` → `200`, `99` → `100`). */
function incremented(digits: string): string {
  let carry = 1;
  let result = '';
  for (let index = digits.length - 1; index >= 0; index--) {
    const digit = digits.charCodeAt(index) - 48 + carry;
    carry = digit === 10 ? 1 : 0;
    result = `${digit % 10}${result}`;
  }
  return carry ? `1${result}` : result;
}

function trimLeadingZeros(whole: string): string {
  return whole.replace(/^0+(?=\d)/, '') || '0';
}

/** `1234567` → `1,234,567`. */
function grouped(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+$)/g, ',');
}

/** `.5` for `50` with at least 0 digits, `.50` with 2; empty for no digits left. */
function fractionText(fraction: string, minFractionDigits: number): string {
  const trimmed = fraction.replace(/0+$/, '').padEnd(minFractionDigits, '0');
  return trimmed ? `.${trimmed}` : '';
}
