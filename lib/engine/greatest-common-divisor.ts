/** Greatest common divisor of two non-negative integers (durations in ms); `gcd(a, 0) = a`. */
export function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}
