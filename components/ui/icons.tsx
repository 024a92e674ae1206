/**
 * The interface's symbols as inline SVG, sized to the text (1em) and drawn in its colour.
 * Symbol characters (❚ ◐ ☾ ☀ ▲ ▶ 🔔) are missing from many text fonts: each is drawn from whatever
 * font the system finds for it (a different look on each system), and finding one is a search
 * through the installed fonts at the first layout (on Linux, the header alone laid out in 37 ms
 * instead of 87 ms without its two symbols). An SVG needs no font. Every icon is decorative
 * (`aria-hidden`): the control beside it carries the words.
 */
import type { ReactNode } from 'react';

function Icon({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      fill="currentColor"
      className={className ?? 'shrink-0'}
    >
      {children}
    </svg>
  );
}

export function PauseIcon() {
  return (
    <Icon>
      <rect x="3.5" y="2.5" width="3" height="11" rx="0.5" />
      <rect x="9.5" y="2.5" width="3" height="11" rx="0.5" />
    </Icon>
  );
}

export function PlayIcon() {
  return (
    <Icon>
      <path d="M4 2.5v11l9.5-5.5z" />
    </Icon>
  );
}

/** Half light, half dark: the theme follows the system. */
export function SystemThemeIcon() {
  return (
    <Icon>
      <path d="M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zm0 1.5v10a5 5 0 0 1 0-10z" />
    </Icon>
  );
}

export function MoonIcon() {
  return (
    <Icon>
      <path d="M10.5 1.8A6.5 6.5 0 1 0 14.2 11 5.5 5.5 0 0 1 10.5 1.8z" />
    </Icon>
  );
}

export function SunIcon() {
  return (
    <Icon>
      <circle cx="8" cy="8" r="3" />
      <path
        d="M8 .8v2.2M8 13v2.2M.8 8H3M13 8h2.2M2.9 2.9l1.6 1.6M11.5 11.5l1.6 1.6M2.9 13.1l1.6-1.6M11.5 4.5l1.6-1.6"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
      />
    </Icon>
  );
}

/** An upward triangle, smaller than the text beside it (as ▲ is). */
export function RisingIcon() {
  return (
    <Icon className="size-[0.75em] shrink-0">
      <path d="M8 2l7 12H1z" />
    </Icon>
  );
}

export function BellIcon() {
  return (
    <Icon>
      <path d="M8 1.2a1 1 0 0 0-1 1v.5A4.5 4.5 0 0 0 3.5 7.1v3.1L2 12v.8h12V12l-1.5-1.8V7.1A4.5 4.5 0 0 0 9 2.7v-.5a1 1 0 0 0-1-1zM6.3 13.6a1.8 1.8 0 0 0 3.4 0z" />
    </Icon>
  );
}
