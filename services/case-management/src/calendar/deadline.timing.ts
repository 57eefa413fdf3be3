// Run by tests/load/hot-paths.bench.ts in a process of its own: SLA deadlines per second on one core,
// 4 and 24 working hours from instants a few ms apart, as cases opening one after another ask. Prints
// one JSON line, {"deadlinesPerSecond": n}.
import { BusinessHoursCalculator } from './business-hours.calculator';

const CALENDAR = {
  timeZone: 'Europe/Amsterdam',
  workingDays: [1, 2, 3, 4, 5],
  dayStart: '09:00',
  dayEnd: '17:00',
  holidays: [],
};

const calls = Number(process.argv[2]) || 100_000;
const rounds = Number(process.argv[3]) || 3;
const opened = Date.now();
let best = 0;
for (let r = 0; r < rounds; r++) {
  const started = performance.now();
  for (let i = 0; i < calls; i++)
    BusinessHoursCalculator.addWorkingMinutes(new Date(opened + i * 37), i % 2 ? 240 : 1440, CALENDAR);
  best = Math.max(best, calls / ((performance.now() - started) / 1000));
}
process.stdout.write(`${JSON.stringify({ deadlinesPerSecond: Math.round(best) })}\n`);
