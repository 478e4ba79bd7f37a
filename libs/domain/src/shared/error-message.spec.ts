import vm from 'node:vm';
import { messageOf } from './error-message.js';

describe('messageOf', () => {
  it('says what an error says, without its name', () => {
    expect(messageOf(new RangeError('disk full'))).toBe('disk full');
  });

  it('reads an error made in another realm, as native modules make them under Jest', () => {
    const foreign: unknown = vm.runInNewContext("new Error('database connection is not open')");
    expect(foreign instanceof Error).toBe(false);
    expect(messageOf(foreign)).toBe('database connection is not open');
  });

  it('writes out whatever else was thrown', () => {
    expect(messageOf('store away')).toBe('store away');
    expect(messageOf(undefined)).toBe('undefined');
    expect(messageOf({ message: 42 })).toBe('[object Object]');
  });
});
