/**
 * Light/dark theme: `system` follows `prefers-color-scheme`; `light` and `dark` are stored in
 * localStorage. The `dark` class on <html> is what the CSS reads (see app/globals.css).
 */

export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_STORAGE_KEY = 'tagstream-theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/**
 * Runs inline in <head> before the first paint so a dark screen never flashes white. Kept in
 * plain ES5 and self-contained: it is serialised into the HTML.
 */
export const THEME_SCRIPT = `(function(){try{var c=localStorage.getItem(${JSON.stringify(
  THEME_STORAGE_KEY,
)});var d=c==='dark'||(c!=='light'&&window.matchMedia(${JSON.stringify(
  DARK_QUERY,
)}).matches);document.documentElement.classList.toggle('dark',d)}catch(e){}})()`;

export function readThemeChoice(): ThemeChoice {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

/** Stores the choice and applies it to the document now. */
export function applyThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage may be disabled (private mode); the choice then lasts until reload.
  }
  document.documentElement.classList.toggle('dark', isDark(choice));
}

export function isDark(choice: ThemeChoice): boolean {
  if (choice !== 'system') return choice === 'dark';
  return window.matchMedia(DARK_QUERY).matches;
}

/** Calls `onChange` when the system scheme changes; returns the unsubscribe function. */
export function onSystemSchemeChange(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** The next choice of the theme button: system → dark → light → system. */
export function nextThemeChoice(choice: ThemeChoice): ThemeChoice {
  return choice === 'system' ? 'dark' : choice === 'dark' ? 'light' : 'system';
}
