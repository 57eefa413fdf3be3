import { DateTime } from 'luxon';
import { LocalDays } from './local-days';

describe('LocalDays', () => {
  it.each(['Europe/Amsterdam', 'America/St_Johns', 'Pacific/Apia'])(
    'finds the day of any instant in %s, in any order, as luxon does',
    (zone) => {
      const days = LocalDays.of(zone);
      const from = Date.UTC(2010, 0, 1);
      const span = 3 * 365 * 24 * 3600_000;
      let seed = 7;
      const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647) * span;
      // Random instants, each followed by the walk a deadline makes from it, so kept days are searched in between.
      for (let i = 0; i < 400; i++) {
        let instant = from + Math.floor(random());
        for (let step = 0; step < 3; step++) {
          const day = days.containing(instant);
          const expected = DateTime.fromMillis(instant, { zone }).startOf('day');
          // Where local midnight comes twice (St John's until 2011), luxon's start depends on the instant's offset.
          expect([day.date, day.weekday]).toEqual([expected.toISODate(), expected.weekday]);
          expect(day.startsAt <= instant && instant < day.endsAt).toBe(true);
          expect(days.after(day).startsAt).toBe(day.endsAt);
          instant = day.endsAt + 3600_000;
        }
      }
    },
  );

  it('hands out the kept day again rather than a copy', () => {
    const days = LocalDays.of('Europe/Amsterdam');
    const monday = days.containing(Date.UTC(2026, 11, 7, 9));
    days.after(days.after(monday));
    expect(days.containing(Date.UTC(2026, 11, 7, 22))).toBe(monday);
  });
});
