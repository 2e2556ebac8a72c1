import type { Deadlines } from '../../../shared/domain/case/case-types.js';
import type {
  DeadlineCalculator,
  DeadlineInput,
} from '../../../shared/domain/clock-policy/deadline-calculator.js';

const dayMs = 24 * 60 * 60 * 1000;

export interface FakeCalculatorOptions {
  policyId?: string;
  calendarId?: string;
  maxExtensions?: number;
  /** Pass `null` for a policy where no extension needs approval. */
  approvalRequiredFromStep?: number | null;
  /** False for a policy without a review (核查) window. */
  offersReview?: boolean;
}

export interface FakeDeadlineCalculator extends DeadlineCalculator {
  /** Every input the lifecycle asked about, in order. */
  readonly calls: DeadlineInput[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

const pausedMs = (input: DeadlineInput): number =>
  input.pauses.reduce(
    (sum, pause) => (pause.endedAt ? sum + Date.parse(pause.endedAt) - Date.parse(pause.startedAt) : sum),
    0,
  );

/**
 * Calendar days only: acknowledge in 1 day, decide in 15 (10 for the green channel), each
 * extension adds 15, paused time is added back, reminder at 80% of the period; reviews may be
 * requested for 30 days after the decision and are decided by day 60.
 */
export function fakeDeadlineCalculator(options: FakeCalculatorOptions = {}): FakeDeadlineCalculator {
  const calls: DeadlineInput[] = [];
  const approval = options.approvalRequiredFromStep === undefined ? 2 : options.approvalRequiredFromStep;
  return {
    policyId: options.policyId ?? 'cn-2020',
    calendarId: options.calendarId ?? 'cn-mainland',
    maxExtensions: options.maxExtensions ?? 2,
    ...(approval === null ? {} : { approvalRequiredFromStep: approval }),
    calls,
    deadlines(input: DeadlineInput): Deadlines {
      calls.push(input);
      const received = Date.parse(input.receivedAt);
      const periodDays = (input.priority === 'green_channel' ? 10 : 15) + 15 * input.extensions.length;
      const paused = pausedMs(input);
      const deadlines: Deadlines = {
        acknowledgeBy: iso(received + dayMs),
        decideBy: iso(received + periodDays * dayMs + paused),
        remindAt: iso(received + periodDays * 0.8 * dayMs + paused),
      };
      if (input.decidedAt && options.offersReview !== false) {
        const decided = Date.parse(input.decidedAt);
        deadlines.reviewRequestBy = iso(decided + 30 * dayMs);
        // Like the real calculator: 30 days from the request, or from the window's end until asked.
        const requested = input.reviewRequestedAt
          ? Date.parse(input.reviewRequestedAt)
          : decided + 30 * dayMs;
        deadlines.reviewDecideBy = iso(requested + 30 * dayMs);
      }
      return deadlines;
    },
  };
}
