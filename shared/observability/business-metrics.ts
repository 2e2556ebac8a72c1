import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Channel } from '../domain/case/case-types.js';
import type { SlaAction } from '../domain/sla/sla-types.js';
import type { NoticeName } from '../notices/notice-table.js';
import { metrics } from './powertools.js';

/**
 * The business metrics an operator watches, in the Redress namespace. Each is counted once, where
 * its outcome is certain, and published as an EMF document of its own: one batch mixes channels
 * and notice kinds, and one EMF document has one set of dimensions for all its metrics.
 * Dimensions are small fixed sets named by the code (channel, notice, deadline, ladder level),
 * never anything about the customer or the complaint.
 */
export const businessMetricNames = {
  complaintsReceived: 'ComplaintsReceived',
  complaintsRegistered: 'ComplaintsRegistered',
  noticesSent: 'NoticesSent',
  slaBreaches: 'SlaBreaches',
  decisionReminders: 'DecisionReminders',
  escalations: 'Escalations',
} as const;

type BusinessMetricName = (typeof businessMetricNames)[keyof typeof businessMetricNames];

const count = (name: BusinessMetricName, dimensions: Record<string, string> = {}): void => {
  const single = metrics.singleMetric();
  for (const [dimension, value] of Object.entries(dimensions)) single.addDimension(dimension, value);
  single.addMetric(name, MetricUnit.Count, 1);
};

/** A complaint stored as received, from any channel (web form, e-mail, staff registration). */
export const countComplaintReceived = (channel: Channel): void =>
  count(businessMetricNames.complaintsReceived, { channel });

/** The registration written by this invocation; a redelivered message registers nothing. */
export const countComplaintRegistered = (channel: Channel): void =>
  count(businessMetricNames.complaintsRegistered, { channel });

/**
 * A notice handed to SES. `notice` is the name the notice table records on the case
 * (acknowledgement, a customer notice type, an SLA action kind): a set fixed by the code.
 */
export const countNoticeSent = (notice: NoticeName): void =>
  count(businessMetricNames.noticesSent, { notice });

const slaMetricOf = (
  action: SlaAction,
): { name: BusinessMetricName; dimensions?: Record<string, string> } => {
  switch (action.kind) {
    case 'acknowledgement_overdue':
      return { name: businessMetricNames.slaBreaches, dimensions: { deadline: 'acknowledgement' } };
    case 'decision_breach':
      return { name: businessMetricNames.slaBreaches, dimensions: { deadline: 'decision' } };
    case 'decision_reminder':
      return { name: businessMetricNames.decisionReminders };
    case 'escalate':
      // The rung reached; a ladder has a handful of rungs.
      return { name: businessMetricNames.escalations, dimensions: { level: String(action.toLevel) } };
  }
};

/** An SLA action recorded on a case by this invocation (a retried step records nothing again). */
export const countSlaAction = (action: SlaAction): void => {
  const { name, dimensions } = slaMetricOf(action);
  count(name, dimensions);
};
