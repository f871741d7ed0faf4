import { describe, expect, it } from 'vitest';
import { requestKeyOf } from '../../../lib/declaration/request-key.js';
import { LruCache } from '../../../lib/refresh/lru-cache.js';

describe('LruCache', () => {
  it('evicts the least recently used entry beyond maxEntries', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');

    const evicted = cache.set('c', 3);

    expect(evicted).toEqual(['b']);
    expect(cache.keys()).toEqual(['a', 'c']);
    expect(cache.has('b')).toBe(false);
  });

  it('peek and has do not refresh recency', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.peek('a')).toBe(1);
    expect(cache.has('a')).toBe(true);

    cache.set('c', 3);

    expect(cache.has('a')).toBe(false);
  });

  it('overwriting a key makes it most recent without growing', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 10);
    cache.set('c', 3);

    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBe(10);
    expect(cache.get('b')).toBeUndefined();
  });

  it('deletes and clears', () => {
    const cache = new LruCache<string, number>(3);
    cache.set('a', 1);
    cache.set('b', 2);

    expect(cache.delete('a')).toBe(true);
    expect(cache.delete('a')).toBe(false);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('rejects a size below one', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
    expect(() => new LruCache(1.5)).toThrow(RangeError);
  });

  it('keeps two stages and a version of one secret apart', () => {
    const cache = new LruCache<string, string>(10);
    cache.set(requestKeyOf('db'), 'current');
    cache.set(requestKeyOf('db', { versionStage: 'AWSPREVIOUS' }), 'prev');
    cache.set(requestKeyOf('db', { versionId: 'v1' }), 'v1');

    expect(cache.size).toBe(3);
    expect(cache.get(requestKeyOf('db', { versionStage: 'AWSCURRENT' }))).toBe(
      'current',
    );
  });
});
