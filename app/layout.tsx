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
      </head>
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
