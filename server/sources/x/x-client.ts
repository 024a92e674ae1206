/**
 * The one place a twitter-api-v2 client is made. twitter-api-v2 has no base-URL setting (its
 * `https://api.x.com/2/` prefix is built in and `cloneWithPrefix` is broken), so a plugin rewrites
 * every request's URL, streams and rules included, to X_API_BASE_URL. The library always calls
 * `https.request`; an `http://` base (the mock in tests) also needs a plain `http.Agent`.
 */
import http from 'node:http';
import { TwitterApi } from 'twitter-api-v2';
import type { ITwitterApiClientPlugin, Tweetv2FieldsParams } from 'twitter-api-v2';

const BUILT_IN_ORIGIN = 'https://api.x.com';

/** Fields every source asks for, so every line looks alike to the pipeline. */
export const POST_FIELDS = {
  'tweet.fields': [
    'created_at',
    'lang',
    'author_id',
    'entities',
    'note_tweet',
    'referenced_tweets',
  ],
  expansions: ['author_id'],
  'user.fields': ['username', 'name'],
} satisfies Partial<Tweetv2FieldsParams>;

/** The same fields as query-string values (for calls made with `client.v2.get`). */
export const POST_FIELDS_QUERY: Record<string, string> = Object.fromEntries(
  Object.entries(POST_FIELDS).map(([key, values]) => [key, values.join(',')]),
);

/** `https://api.x.com/2/tweets…` → `<baseUrl>/2/tweets…`; other URLs are left alone. */
export function rewriteApiUrl(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  if (url.startsWith(BUILT_IN_ORIGIN + '/')) return base + url.slice(BUILT_IN_ORIGIN.length);
  return url;
}

export function baseUrlPlugin(baseUrl: string): ITwitterApiClientPlugin {
  return {
    onBeforeRequestConfig({ params }) {
      params.url = rewriteApiUrl(params.url, baseUrl);
    },
    onBeforeStreamRequestConfig({ params }) {
      params.url = rewriteApiUrl(params.url, baseUrl);
    },
  };
}

export interface XClientOptions {
  bearerToken: string;
  /** e.g. `https://api.x.com` or `http://127.0.0.1:4010`; a trailing slash is fine. */
  baseUrl: string;
}

/** A read-only v2 client (app-only bearer auth) aimed at `baseUrl`. */
export function createXClient({ bearerToken, baseUrl }: XClientOptions): TwitterApi {
  const plainHttp = new URL(baseUrl).protocol === 'http:';
  const rewrites = rewriteApiUrl(BUILT_IN_ORIGIN + '/2/', baseUrl) !== BUILT_IN_ORIGIN + '/2/';
  return new TwitterApi(bearerToken, {
    plugins: rewrites ? [baseUrlPlugin(baseUrl)] : [],
    ...(plainHttp ? { httpAgent: new http.Agent() } : {}),
  });
}
