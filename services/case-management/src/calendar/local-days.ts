import { DateTime } from 'luxon';

/** One calendar day of a time zone, as the instants (epoch ms) it starts and ends. */
export interface LocalDay {
  /** `yyyy-MM-dd` */
  readonly date: string;
  /** 1 = Monday … 7 = Sunday */
  readonly weekday: number;
  readonly startsAt: number;
  readonly endsAt: number;
}

interface Day extends LocalDay {
  readonly start: DateTime;
  readonly times: Map<string, number>;
}

// A day is a few hundred bytes; a deadline search touches a handful, so this bounds memory, not hits.
const MAX_DAYS_KEPT = 4000;

/**
 * The local days of one time zone, each worked out once. Every luxon step that needs the zone's
 * offset asks Intl for it, and that was the largest part of opening a case (ADR 0045): deadlines
 * and their notification texts land on the same few days, so the days are kept.
 */
export class LocalDays {
  private static readonly zones = new Map<string, LocalDays>();
  /** The kept days by `startsAt`, so an instant's day is found without luxon (a deadline walks on from today). */
  private readonly sorted: Day[] = [];

  private constructor(private readonly timeZone: string) {}

  /** The days of `timeZone`; a RangeError for a zone the runtime does not know. */
  static of(timeZone: string): LocalDays {
    let days = LocalDays.zones.get(timeZone);
    if (!days) {
      if (!DateTime.now().setZone(timeZone).isValid) throw new RangeError(`unknown time zone ${timeZone}`);
      days = new LocalDays(timeZone);
      LocalDays.zones.set(timeZone, days);
    }
    return days;
  }

  /** The day `instant` falls on. */
  containing(instant: number): LocalDay {
    const index = this.indexOf(instant);
    if (index >= 0) return this.sorted[index];
    const start = DateTime.fromMillis(instant, { zone: this.timeZone }).startOf('day');
    const date = start.toISODate() ?? '';
    if (this.sorted.length >= MAX_DAYS_KEPT) this.sorted.length = 0;
    const endsAt = start.plus({ days: 1 }).startOf('day').toMillis();
    const day: Day = { date, weekday: start.weekday, startsAt: start.toMillis(), endsAt, start, times: new Map() };
    this.sorted.splice(this.sorted.length === 0 ? 0 : -index - 1, 0, day);
    return day;
  }

  /** The position of the kept day holding `instant`, or -(insertion point) - 1 when none does. */
  private indexOf(instant: number): number {
    let low = 0;
    let high = this.sorted.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const day = this.sorted[middle];
      if (instant < day.startsAt) high = middle - 1;
      else if (instant >= day.endsAt) low = middle + 1;
      else return middle;
    }
    return -low - 1;
  }

  /** The day after `day`. */
  after(day: LocalDay): LocalDay {
    return this.containing(day.endsAt);
  }

  /** The instant of local time `HH:mm` on `day` (`24:00`: the next midnight); DST gaps move forward as in luxon. */
  timeOn(day: LocalDay, time: string): number {
    const known = this.containing(day.startsAt) as Day;
    let instant = known.times.get(time);
    if (instant === undefined) {
      const [hour, minute] = time.split(':').map(Number);
      instant = hour === 24 ? known.endsAt : known.start.set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
      known.times.set(time, instant);
    }
    return instant;
  }
}
