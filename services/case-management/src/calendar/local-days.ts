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
  private readonly byDate = new Map<string, Day>();
  private last: Day | undefined;

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
    const last = this.last;
    if (last && last.startsAt <= instant && instant < last.endsAt) return last;
    const start = DateTime.fromMillis(instant, { zone: this.timeZone }).startOf('day');
    const date = start.toISODate() ?? '';
    let day = this.byDate.get(date);
    if (!day) {
      if (this.byDate.size >= MAX_DAYS_KEPT) this.byDate.clear();
      const endsAt = start.plus({ days: 1 }).startOf('day').toMillis();
      day = { date, weekday: start.weekday, startsAt: start.toMillis(), endsAt, start, times: new Map() };
      this.byDate.set(date, day);
    }
    this.last = day;
    return day;
  }

  /** The day after `day`. */
  after(day: LocalDay): LocalDay {
    return this.containing(day.endsAt);
  }

  /** The instant of local time `HH:mm` on `day` (`24:00`: the next midnight); DST gaps move forward as in luxon. */
  timeOn(day: LocalDay, time: string): number {
    const known = this.byDate.get(day.date) ?? (this.containing(day.startsAt) as Day);
    let instant = known.times.get(time);
    if (instant === undefined) {
      const [hour, minute] = time.split(':').map(Number);
      instant = hour === 24 ? known.endsAt : known.start.set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
      known.times.set(time, instant);
    }
    return instant;
  }
}
