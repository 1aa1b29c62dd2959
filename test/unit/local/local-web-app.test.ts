import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../../lib/local/local-web-app.js';

describe('local web app file paths', () => {
  const root = '/srv/web';
  it.each([
    { path: '/', expected: '/srv/web/index.html' },
    { path: '/assets/index-abc.js', expected: '/srv/web/assets/index-abc.js' },
    { path: '/assets/%E2%9C%93.js', expected: '/srv/web/assets/✓.js' },
    { path: '/../package.json', expected: undefined },
    { path: '/%2e%2e/%2e%2e/etc/passwd', expected: undefined },
    { path: '/assets/..%2f..%2fsecret', expected: undefined },
    { path: '/a%00.js', expected: undefined },
    { path: '/%E0%A4%A', expected: undefined },
    { path: '/../web-other/x', expected: undefined },
  ])('$path -> $expected', ({ path, expected }) => {
    expect(resolveStaticPath(root, path)).toBe(expected);
  });
});
