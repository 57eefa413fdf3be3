/** When a team works: its time zone, working weekdays (1 = Monday … 7 = Sunday), hours and holidays. */
export interface TeamCalendar {
  timeZone: string;
  workingDays: number[];
  /** Local start of the working day, `HH:mm`. */
  dayStart: string;
  /** Local end of the working day, `HH:mm` (`24:00` for midnight). */
  dayEnd: string;
  /** Local dates (`yyyy-MM-dd`) nobody works. */
  holidays: string[];
}
