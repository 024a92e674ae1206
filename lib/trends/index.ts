/** Public entry of the hashtag job: parsing of stream lines and posts, the job, its types. */
export { createTrendsJob } from './trends-job';
export type { TrendsJob } from './trends-job';
export type { TrendsStateSizes } from './trends-state';
export {
  DEFAULT_TRENDING_OPTIONS,
  DEFAULT_TRENDS_OPTIONS,
  resolveTrendsOptions,
  windowLabel,
} from './trends-options';
export type { TrendsJobConfig, TrendsJobSettings } from './trends-options';
export type { TrendingOptions } from './trend-tracker';
export { trendingScore } from './trending-score';
export { parseStreamLine } from './parse-line';
export type { LineResult } from './parse-line';
export { toParsedPost, postTimeMs } from './parse-post';
export { extractHashtags } from './extract-hashtags';
export { hashtagKey } from './hashtag-key';
export { SpaceSaving } from './space-saving';
export type * from './types';
