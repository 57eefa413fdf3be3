import { describe, expect, it } from '@jest/globals';
import { DEFAULT_FILTERS } from './queue-filters';
import { deleteView, loadViews, SAVED_VIEWS_KEY, saveView } from './saved-views';

function memoryStore(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('saved views', () => {
  it('saves, replaces by name, sorts and deletes', () => {
    const store = memoryStore();
    saveView(store, 'Urgent', { ...DEFAULT_FILTERS, priority: 'urgent' });
    saveView(store, ' breached team ', { ...DEFAULT_FILTERS, scope: 'team' });
    const views = saveView(store, 'urgent', { ...DEFAULT_FILTERS, priority: 'high' });
    expect(views.map((v) => [v.name, v.filters.priority])).toEqual([
      ['breached team', null],
      ['urgent', 'high'],
    ]);
    expect(loadViews(store)).toEqual(views);
    expect(deleteView(store, 'urgent').map((v) => v.name)).toEqual(['breached team']);
  });

  it('ignores an empty name and unreadable storage, and fills in filters added later', () => {
    expect(saveView(memoryStore(), '  ', DEFAULT_FILTERS)).toEqual([]);
    expect(loadViews(memoryStore({ [SAVED_VIEWS_KEY]: '{oops' }))).toEqual([]);
    const old = memoryStore({ [SAVED_VIEWS_KEY]: JSON.stringify([{ name: 'old', filters: { scope: 'team' } }]) });
    expect(loadViews(old)[0].filters).toEqual({ ...DEFAULT_FILTERS, scope: 'team' });
  });
});
