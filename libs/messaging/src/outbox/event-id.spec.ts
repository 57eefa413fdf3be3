import { eventIdFor } from './event-id';

describe('eventIdFor', () => {
  it('derives the same UUID from the same cause, topic and position', () => {
    const id = eventIdFor('a5b1c3d0-0000-4000-8000-000000000001', 'nps.response.scored.v1', 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(eventIdFor('a5b1c3d0-0000-4000-8000-000000000001', 'nps.response.scored.v1', 0)).toBe(id);
  });

  it('differs by topic and by position', () => {
    const cause = 'a5b1c3d0-0000-4000-8000-000000000001';
    const ids = new Set([eventIdFor(cause, 'a', 0), eventIdFor(cause, 'b', 0), eventIdFor(cause, 'a', 1)]);
    expect(ids.size).toBe(3);
  });

  it('is random without a cause', () => {
    expect(eventIdFor(undefined, 'a', 0)).not.toBe(eventIdFor(undefined, 'a', 0));
  });
});
