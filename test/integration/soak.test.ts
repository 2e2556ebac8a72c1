import { describe, expect, it } from 'vitest';
import { formatSoakReport, runSoak } from '../soak/run-soak.js';

/**
 * `npm run soak` at the size CI can afford: 500 complaints through the API at concurrency 16 (a
 * tenth sent twice with one Idempotency-Key) and 25 mails, while `npm start` is killed with SIGKILL
 * once and started again on the same data. The full soak (10,000 complaints, two kills) is
 * `npm run soak`.
 */
describe('the soak, small', () => {
  it('keeps every accepted complaint and mail, once, acknowledged once, through a SIGKILL', async () => {
    const report = await runSoak({
      complaints: 500,
      kills: 1,
      concurrency: 16,
      log: (line) => console.info(line),
    });
    console.info(formatSoakReport(report));

    expect(report.problems).toEqual([]);
    expect(report.lostByStandIn).toEqual([]);
    expect(report.answered).toEqual(report.sent);
    expect(report.cases.total).toBe(report.sent.complaints + report.sent.mails);
    expect(report.cases.threadedReplies).toBe(report.sent.replies);
    expect(report.kills).toHaveLength(1);
    // The kill came mid-load, with requests in flight.
    expect(report.kills[0]?.inFlight).toBeGreaterThan(0);
  }, 1_500_000);
});
