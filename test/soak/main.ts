import { parseArgs } from 'node:util';
import { formatSoakReport, runSoak } from './run-soak.js';

/**
 * `npm run soak [-- --complaints 10000 --kills 2 --concurrency 16]`: sends the load, kills the
 * local runtime with SIGKILL during it, and prints what every customer and the staff would see.
 * Exits 1 when anything is wrong.
 */
const { values } = parseArgs({
  options: {
    complaints: { type: 'string', default: '10000' },
    kills: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '16' },
  },
});

const positive = (name: string, text: string): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`--${name} must be a whole number, got "${text}"`);
  return value;
};

const began = Date.now();
const report = await runSoak({
  complaints: positive('complaints', values.complaints),
  kills: positive('kills', values.kills),
  concurrency: Math.max(1, positive('concurrency', values.concurrency)),
  log: (line) => console.info(`[${((Date.now() - began) / 1000).toFixed(1)} s] ${line}`),
});
console.info(formatSoakReport(report));
process.exitCode = report.problems.length === 0 ? 0 : 1;
