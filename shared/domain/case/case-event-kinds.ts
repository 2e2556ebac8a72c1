/** Every kind of ledger entry (登记台账) the case lifecycle writes. */
export const caseEventKinds = {
  received: 'case.received',
  registered: 'case.registered',
  acknowledged: 'case.acknowledged',
  workStarted: 'case.work_started',
  assigned: 'case.assigned',
  transferred: 'case.transferred',
  noteAdded: 'case.note_added',
  infoRequested: 'case.info_requested',
  reminderSent: 'case.reminder_sent',
  acknowledgementOverdue: 'case.acknowledgement_overdue',
  breached: 'clock.breached',
  clockPaused: 'clock.paused',
  clockResumed: 'clock.resumed',
  clockExtended: 'clock.extended',
  escalated: 'case.escalated',
  resolved: 'case.resolved',
  reviewRequested: 'case.review_requested',
  reviewDecided: 'case.review_decided',
  reopened: 'case.reopened',
  closed: 'case.closed',
  withdrawn: 'case.withdrawn',
  merged: 'case.merged',
  customerMessage: 'case.customer_message',
  // A notice owed by a change went out (the provider's message id); SES then reports its fate.
  noticeSent: 'case.notice_sent',
  // What SES reported about a notice: the proof that the customer (or staff) was told, or why not.
  noticeDelivered: 'case.notice_delivered',
  noticeBounced: 'case.notice_bounced',
  noticeComplained: 'case.notice_complained',
  noticeRejected: 'case.notice_rejected',
  noticeRenderingFailed: 'case.notice_rendering_failed',
} as const;

export type CaseEventKind = (typeof caseEventKinds)[keyof typeof caseEventKinds];

export const allCaseEventKinds: readonly CaseEventKind[] = Object.values(caseEventKinds);
