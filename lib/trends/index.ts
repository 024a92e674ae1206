/** Public entry of the hashtag job: parsing of stream lines and posts, the job, its types. */
export { createTrendsJob } from './job/trends-job';
export type { TrendsJob } from './job/trends-job';
export type { TrendsJobStateSizes } from './job/trends-job-state';
export type { TrendsJobSnapshot } from './job/trends-job-snapshot';
export {
  DEFAULT_TRENDING_OPTIONS,
  DEFAULT_TRENDS_OPTIONS,
  resolveTrendsOptions,
  windowLabel,
} from './job/trends-options';
export type { TrendsJobConfig, TrendsJobSettings } from './job/trends-options';
export type { TrendingOptions } from './trending/trend-tracker';
export { trendingScore } from './trending/trending-score';
export { parseStreamLine } from './parsing/parse-line';
export type { LineResult } from './parsing/parse-line';
export { toParsedPost, postTimeMs } from './parsing/parse-post';
export { extractHashtags } from './parsing/extract-hashtags';
export { hashtagKey } from './parsing/hashtag-key';
export { SpaceSaving } from './sketches/space-saving';
export type * from './types';
