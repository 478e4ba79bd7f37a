import { logCursorOf, positionOfLogCursor } from './log-cursor.js';

describe('the audit log cursor', () => {
  it.each([0, 1, 12, 2_113, 987_654_321_012, Number.MAX_SAFE_INTEGER])('gives back position %d from the cursor made of it', (position) => {
    const cursor = logCursorOf(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(positionOfLogCursor(cursor)).toBe(position);
  });

  it.each([
    ['a bare position', '12'],
    ['an empty text', ''],
    ['another base64url text', Buffer.from('hello').toString('base64url')],
    ['a negative position', Buffer.from('log:-1').toString('base64url')],
    ['a leading zero', Buffer.from('log:012').toString('base64url')],
    ['a position beyond 2^53', Buffer.from('log:9007199254740993').toString('base64url')],
    ['standard base64 with padding', Buffer.from('log:1').toString('base64')],
    // `log:1` is 5 bytes, 7 characters with 2 spare bits: `bG9nOjF` decodes as `bG9nOjE` does
    ['another spelling of the same bytes', 'bG9nOjF'],
    ['a cursor with a character outside base64url', logCursorOf(12) + '.'],
  ])('refuses %s', (_, cursor) => {
    expect(positionOfLogCursor(cursor)).toBeNull();
  });

  it('has seen the other spelling above decode to the same position, so refusing it is the check that bites', () => {
    expect(logCursorOf(1)).toBe('bG9nOjE');
    expect(Buffer.from('bG9nOjF', 'base64url').toString()).toBe('log:1');
  });
});
