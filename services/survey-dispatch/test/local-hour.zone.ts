/** A fixed-offset zone where the local hour is `hour` right now, so a quiet-hours test holds at any time of day. */
export function zoneAtLocalHour(hour: number): string {
  const offset = ((((hour - new Date().getUTCHours()) % 24) + 36) % 24) - 12; // -12..+11
  return offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}
