/**
 * `text` cut to at most `maxLength` UTF-16 units, never inside a surrogate pair, as a string of
 * its own: a slice in V8 may keep the whole original alive, so a cut text is rebuilt.
 */
export function cutText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let end = maxLength;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return Array.from(text.slice(0, end)).join('');
}
