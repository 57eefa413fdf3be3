import { effectWindows } from './improvement-effect.windows';

describe('effect windows', () => {
  const releasedAt = new Date('2026-03-10T14:00:00Z');

  it('compares the window before the release day with the same length after it, leaving the release day out', () => {
    expect(effectWindows(releasedAt, 28, 'UTC', new Date('2026-06-01T00:00:00Z'))).toEqual({
      releaseDay: '2026-03-10',
      before: { from: '2026-02-10', to: '2026-03-09', days: 28 },
      after: { from: '2026-03-11', to: '2026-04-07', days: 28 },
    });
  });

  it('cuts the after-window at today', () => {
    expect(effectWindows(releasedAt, 28, 'UTC', new Date('2026-03-15T09:00:00Z')).after).toEqual({
      from: '2026-03-11',
      to: '2026-03-15',
      days: 5,
    });
  });

  it('has no after-window on the release day itself', () => {
    expect(effectWindows(releasedAt, 7, 'UTC', new Date('2026-03-10T23:00:00Z')).after).toEqual({
      from: null,
      to: null,
      days: 0,
    });
  });

  it('takes the release day in the time zone asked', () => {
    const lateEvening = new Date('2026-03-10T23:30:00Z');
    expect(effectWindows(lateEvening, 7, 'Europe/Amsterdam', new Date('2026-04-01')).releaseDay).toBe('2026-03-11');
    expect(effectWindows(lateEvening, 7, 'UTC', new Date('2026-04-01')).before).toEqual({
      from: '2026-03-03',
      to: '2026-03-09',
      days: 7,
    });
  });
});
