import { describe, expect, it } from 'vitest';
import { redactRedisUrl } from './redis-url';

describe('redactRedisUrl', () => {
  it('hides the password and keeps what helps to diagnose', () => {
    expect(redactRedisUrl('redis://default:s3cret@10.0.0.3:6379/2')).toBe(
      'redis://default:***@10.0.0.3:6379/2',
    );
  });

  it('leaves a URL without password as it is', () => {
    expect(redactRedisUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });

  it('says nothing of a URL it cannot parse', () => {
    expect(redactRedisUrl('not a url with s3cret')).not.toContain('s3cret');
  });
});
