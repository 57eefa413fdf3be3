import { describe, expect, it } from '@jest/globals';
import { offeredActions } from './case-actions';

describe('offeredActions', () => {
  it("follows the case's lifecycle", () => {
    expect(offeredActions('open', ['agent'])).toEqual(['contact', 'note']);
    expect(offeredActions('in_progress', ['agent'])).toEqual(['contact', 'note', 'resolve']);
    expect(offeredActions('resolved', ['agent'])).toEqual(['note', 'close', 'reopen']);
    expect(offeredActions('closed', ['agent'])).toEqual(['note', 'reopen']);
  });

  it('offers reassigning to leads and admins only', () => {
    expect(offeredActions('open', ['lead'])).toContain('reassign');
    expect(offeredActions('in_progress', ['admin'])).toContain('reassign');
    expect(offeredActions('resolved', ['lead'])).not.toContain('reassign');
  });
});
