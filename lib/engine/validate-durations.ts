/**
 * Definition-time checks (Spark checks window and slide when the stream is defined, not when
 * it runs). Every message names the operator and the offending values.
 */
export function checkPositiveDuration(operator: string, name: string, valueMs: number): void {
  if (!Number.isInteger(valueMs) || valueMs <= 0) {
    throw new Error(`${operator}: ${name} must be a positive whole number of ms, got ${valueMs}`);
  }
}

export function checkWindowDurations(
  operator: string,
  windowMs: number,
  slideMs: number,
  parentSlideMs: number,
): void {
  checkPositiveDuration(operator, 'windowMs', windowMs);
  checkPositiveDuration(operator, 'slideMs', slideMs);
  for (const [name, valueMs] of [
    ['windowMs', windowMs],
    ['slideMs', slideMs],
  ] as const) {
    if (valueMs % parentSlideMs !== 0) {
      throw new Error(
        `${operator}: ${name} (${valueMs} ms) must be a multiple of the parent stream's slide (${parentSlideMs} ms)`,
      );
    }
  }
}
