import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { THEME_SCRIPT } from '@/lib/client/theme';
import './globals.css';

export const metadata: Metadata = {
  title: 'Tagstream · trending hashtags',
  description:
    'Live trending hashtags: top tags per sliding window, what is rising now and how tags move over time.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fafafa' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
};

/**
 * The element after the page's content: the browser paints nothing before it has read it. A
 * browser paints a long page's HTML in parts as it reads it, and boxes drawn from a part moved
 * when the rest arrived (on a wide screen the top list's rows, which share the list's height,
 * drawn tall then shrunk, and the engine's card pushed up by its own content: layout shifts of
 * 0.035–0.076 at 1,350 px when the address opens a tag's detail). The whole page is drawn in its
 * first paint, the top list's caption (its largest text) included.
 */
const PAGE_END_ID = 'page-end';

/**
 * Rendered per request: the server gives each page answer a Content-Security-Policy with a fresh
 * nonce (`x-nonce`), which Next puts on its scripts and the theme script needs too.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    // The theme script sets the `dark` class before React hydrates; the attribute differs.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        {/* No paint before the page's HTML has been read to its end (see PAGE_END_ID). */}
        <link rel="expect" href={`#${PAGE_END_ID}`} blocking="render" />
      </head>
      <body className="min-h-dvh font-sans">
        {children}
        <span id={PAGE_END_ID} hidden />
      </body>
    </html>
  );
}
