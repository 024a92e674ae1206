import { describe, expect, it } from 'vitest';
import { DisplaySpellings } from './display-spellings';

function recordAll(spellings: DisplaySpellings, key: string, list: string[]): void {
  for (const spelling of list) spellings.record(key, spelling, 2_000);
}

describe('DisplaySpellings', () => {
  it('shows the most frequent spelling of a key', () => {
    const spellings = new DisplaySpellings();
    recordAll(spellings, 'worldcup', ['worldcup', 'WorldCup', 'WorldCup', 'WORLDCUP']);
    expect(spellings.spellingOf('worldcup')).toBe('WorldCup');
  });

  it('keeps the first spelling to reach the highest count on ties', () => {
    const spellings = new DisplaySpellings();
    recordAll(spellings, 'ai', ['AI', 'ai', 'ai', 'AI']);
    expect(spellings.spellingOf('ai')).toBe('ai');
  });

  it('falls back to the key for an unknown key', () => {
    expect(new DisplaySpellings().spellingOf('nope')).toBe('nope');
  });

  it('ignores spellings beyond the per-key bound but keeps counting known ones', () => {
    const spellings = new DisplaySpellings();
    const variants = ['ab', 'aB', 'Ab', 'AB', 'ａb', 'aｂ', 'ＡB', 'AＢ', 'ＡＢ'];
    recordAll(spellings, 'ab', variants);
    recordAll(spellings, 'ab', ['ＡＢ', 'ＡＢ']);
    expect(spellings.spellingOf('ab')).toBe('ab');
    recordAll(spellings, 'ab', ['AB', 'AB']);
    expect(spellings.spellingOf('ab')).toBe('AB');
  });

  it('forgets keys the sweep does not keep', () => {
    const spellings = new DisplaySpellings();
    spellings.record('old', 'Old', 2_000);
    spellings.record('new', 'New', 10_000);
    spellings.sweep((_key, lastSeenMs) => lastSeenMs > 5_000);
    expect(spellings.size).toBe(1);
    expect(spellings.spellingOf('old')).toBe('old');
    expect(spellings.spellingOf('new')).toBe('New');
  });
});
