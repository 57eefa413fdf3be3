import { DEFAULT_FILTERS, type QueueFilters } from './queue-filters';

/** A named set of queue filters, kept in the browser (localStorage). */
export interface SavedView {
  name: string;
  filters: QueueFilters;
}

export const SAVED_VIEWS_KEY = 'ops-console.queue-views.v1';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** The saved views; a missing or unreadable entry is no views, and unknown filter fields fall back to defaults. */
export function loadViews(store: Store): SavedView[] {
  try {
    const raw = JSON.parse(store.getItem(SAVED_VIEWS_KEY) ?? '[]') as unknown;
    if (!Array.isArray(raw)) return [];
    return raw
      .filter((v): v is SavedView => typeof v?.name === 'string' && typeof v?.filters === 'object' && v.filters)
      .map((v) => ({ name: v.name, filters: { ...DEFAULT_FILTERS, ...v.filters } }));
  } catch {
    return [];
  }
}

/** Saves `filters` as `name`, replacing a view of the same name (names compare trimmed, case-insensitive). */
export function saveView(store: Store, name: string, filters: QueueFilters): SavedView[] {
  const trimmed = name.trim();
  if (!trimmed) return loadViews(store);
  const others = loadViews(store).filter((v) => v.name.toLowerCase() !== trimmed.toLowerCase());
  const views = [...others, { name: trimmed, filters }].sort((a, b) => a.name.localeCompare(b.name));
  store.setItem(SAVED_VIEWS_KEY, JSON.stringify(views));
  return views;
}

export function deleteView(store: Store, name: string): SavedView[] {
  const views = loadViews(store).filter((v) => v.name !== name);
  store.setItem(SAVED_VIEWS_KEY, JSON.stringify(views));
  return views;
}
