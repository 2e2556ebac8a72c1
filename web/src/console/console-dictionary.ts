import type { CaseStatus, Channel, Language } from '../../../shared/domain/case/case-types.js';
import type { Translation } from '../i18n/dictionary.js';

/** Keys the domain dictates: a new status or channel without a label fails to compile. */
type DomainKeys = `status.${CaseStatus}` | `channel.${Channel}`;

/**
 * Every string of the staff console, both languages side by side as in the public pages'
 * dictionary. `{name}` marks a parameter filled in by `translateConsole`.
 */
const messages = {
  'app.name': { 'zh-CN': '投诉管理台', en: 'Complaint console' },
  'app.pageTitle': { 'zh-CN': '投诉管理台', en: 'Complaint console' },
  'app.skipLink': { 'zh-CN': '跳到主要内容', en: 'Skip to main content' },
  'lang.group': { 'zh-CN': '选择语言', en: 'Choose language' },
  'lang.zh-CN': { 'zh-CN': '中文', en: '中文' },
  'lang.en': { 'zh-CN': 'English', en: 'English' },
  'footer.note': {
    'zh-CN': '所有时间均为北京时间。客户信息仅限办理投诉使用。',
    en: 'All times are Beijing time. Customer details are for handling complaints only.',
  },

  'nav.cases': { 'zh-CN': '投诉列表', en: 'Cases' },
  'nav.register': { 'zh-CN': '登记投诉', en: 'Register a complaint' },
  'nav.signedInAs': { 'zh-CN': '当前用户：{user}', en: 'Signed in as {user}' },
  'nav.signOut': { 'zh-CN': '退出', en: 'Sign out' },

  'signIn.title': { 'zh-CN': '登录', en: 'Sign in' },
  'signIn.intro': {
    'zh-CN': '本地环境：请选择一个开发用户登录。',
    en: 'Local environment: choose a development user to sign in as.',
  },
  'signIn.user': { 'zh-CN': '用户', en: 'User' },
  'signIn.submit': { 'zh-CN': '登录', en: 'Sign in' },
  'signIn.failed': { 'zh-CN': '登录失败，请重试。', en: 'Sign-in failed. Try again.' },
  'signIn.expired': {
    'zh-CN': '登录已失效，请重新登录。',
    en: 'Your sign-in has expired. Sign in again.',
  },

  'list.title': { 'zh-CN': '投诉列表', en: 'Cases' },
  'list.filters': { 'zh-CN': '筛选', en: 'Filters' },
  'list.apply': { 'zh-CN': '筛选', en: 'Apply' },
  'list.reset': { 'zh-CN': '清除', en: 'Clear' },
  'list.any': { 'zh-CN': '全部', en: 'Any' },
  'list.search': { 'zh-CN': '搜索', en: 'Search' },
  'list.overdueOnly': { 'zh-CN': '仅看超期', en: 'Overdue only' },
  'list.repeatOnly': { 'zh-CN': '仅看重点关注', en: 'Watch list only' },
  'list.more': { 'zh-CN': '加载更多', en: 'More' },
  'list.empty': { 'zh-CN': '没有符合条件的投诉。', en: 'No cases match.' },
  'list.loading': { 'zh-CN': '正在加载…', en: 'Loading…' },
  'list.error': { 'zh-CN': '无法加载投诉列表。', en: 'Could not load the cases.' },
  'list.legendOverdue': { 'zh-CN': '红色：已超过答复期限', en: 'Red: past the reply deadline' },
  'list.legendDueSoon': {
    'zh-CN': '黄色：24 小时内到期或已到提醒时点',
    en: 'Amber: due within 24 hours or past the reminder point',
  },

  'col.reference': { 'zh-CN': '投诉编号', en: 'Reference' },
  'col.subject': { 'zh-CN': '投诉事项', en: 'Subject' },
  'col.customer': { 'zh-CN': '客户', en: 'Customer' },
  'col.branch': { 'zh-CN': '网点', en: 'Branch' },
  'col.status': { 'zh-CN': '状态', en: 'Status' },
  'col.priority': { 'zh-CN': '优先级', en: 'Priority' },
  'col.firstResponder': { 'zh-CN': '首问责任人', en: 'First responder' },
  'col.handler': { 'zh-CN': '承办人', en: 'Handler' },
  'col.deadline': { 'zh-CN': '下一期限', en: 'Next deadline' },

  'badge.greenChannel': { 'zh-CN': '绿色通道', en: 'Green channel' },
  'badge.watchList': { 'zh-CN': '重点关注', en: 'Watch list' },
  'priority.normal': { 'zh-CN': '普通', en: 'Normal' },
  'priority.green_channel': { 'zh-CN': '绿色通道', en: 'Green channel' },

  'deadline.acknowledge': { 'zh-CN': '受理', en: 'Acknowledge' },
  'deadline.decide': { 'zh-CN': '答复', en: 'Reply' },
  'deadline.review': { 'zh-CN': '核查', en: 'Review' },
  'deadline.secondContact': { 'zh-CN': '二次沟通', en: 'Second contact' },
  'deadline.left': { 'zh-CN': '剩余 {time}', en: '{time} left' },
  'deadline.over': { 'zh-CN': '已超期 {time}', en: '{time} overdue' },
  'deadline.days': { 'zh-CN': '{d}天 {hms}', en: '{d}d {hms}' },

  'case.title': { 'zh-CN': '投诉 {reference}', en: 'Case {reference}' },
  'case.back': { 'zh-CN': '返回列表', en: 'Back to the list' },
  'case.loading': { 'zh-CN': '正在加载…', en: 'Loading…' },
  'case.notFound': {
    'zh-CN': '未找到该投诉，或您无权查看。',
    en: 'This case was not found, or you may not see it.',
  },
  'case.error': { 'zh-CN': '无法加载该投诉。', en: 'Could not load this case.' },
  'case.retry': { 'zh-CN': '重试', en: 'Try again' },
  'case.facts': { 'zh-CN': '基本信息', en: 'Facts' },
  'case.timeline': { 'zh-CN': '处理记录', en: 'Timeline' },
  'case.actions': { 'zh-CN': '办理', en: 'Actions' },
  'case.timelineEmpty': { 'zh-CN': '暂无记录。', en: 'Nothing recorded yet.' },
  'case.by': { 'zh-CN': '操作人', en: 'By' },

  'fact.status': { 'zh-CN': '状态', en: 'Status' },
  'fact.channel': { 'zh-CN': '渠道', en: 'Channel' },
  'fact.priority': { 'zh-CN': '优先级', en: 'Priority' },
  'fact.category': { 'zh-CN': '类别', en: 'Category' },
  'fact.customerName': { 'zh-CN': '客户姓名', en: 'Customer name' },
  'fact.customerEmail': { 'zh-CN': '电子邮箱', en: 'Email' },
  'fact.customerPhone': { 'zh-CN': '联系电话', en: 'Phone' },
  'fact.customerId': { 'zh-CN': '客户号', en: 'Customer number' },
  'fact.anonymous': { 'zh-CN': '匿名', en: 'Anonymous' },
  'fact.branch': { 'zh-CN': '网点', en: 'Branch' },
  'fact.product': { 'zh-CN': '产品或业务', en: 'Product' },
  'fact.subject': { 'zh-CN': '投诉事项', en: 'Subject' },
  'fact.description': { 'zh-CN': '详细描述', en: 'Description' },
  'fact.desiredOutcome': { 'zh-CN': '期望结果', en: 'Desired outcome' },
  'fact.externalReference': { 'zh-CN': '外部编号', en: 'External reference' },
  'fact.receivedAt': { 'zh-CN': '收到时间', en: 'Received' },
  'fact.registeredAt': { 'zh-CN': '登记时间', en: 'Registered' },
  'fact.acknowledgedAt': { 'zh-CN': '受理时间', en: 'Acknowledged' },
  'fact.resolvedAt': { 'zh-CN': '答复时间', en: 'Answered' },
  'fact.acknowledgeBy': { 'zh-CN': '受理期限', en: 'Acknowledge by' },
  'fact.decideBy': { 'zh-CN': '答复期限', en: 'Decide by' },
  'fact.remindAt': { 'zh-CN': '提醒时点', en: 'Reminder at' },
  'fact.reviewRequestBy': { 'zh-CN': '核查申请截止', en: 'Review may be asked until' },
  'fact.reviewDecideBy': { 'zh-CN': '核查答复期限', en: 'Review decided by' },
  'fact.secondContactBy': { 'zh-CN': '二次沟通期限', en: 'Second contact by' },
  'fact.firstResponder': { 'zh-CN': '首问责任人', en: 'First responder' },
  'fact.handler': { 'zh-CN': '承办人', en: 'Handler' },
  'fact.assignedUnit': { 'zh-CN': '承办部门', en: 'Unit' },
  'fact.escalationLevel': { 'zh-CN': '上报层级', en: 'Escalation level' },
  'fact.repeatComplainant': { 'zh-CN': '重点关注对象', en: 'Watch list' },
  'fact.extensions': { 'zh-CN': '延期次数', en: 'Extensions' },
  'fact.decision': { 'zh-CN': '处理结论', en: 'Decision' },
  'fact.atFault': { 'zh-CN': '是否有责', en: 'Bank at fault' },
  'fact.remedy': { 'zh-CN': '补救措施', en: 'Remedy' },
  'fact.compensation': { 'zh-CN': '赔偿', en: 'Compensation' },
  'fact.mergedInto': { 'zh-CN': '并入', en: 'Merged into' },
  'fact.version': { 'zh-CN': '版本', en: 'Version' },
  'fact.yes': { 'zh-CN': '是', en: 'Yes' },
  'fact.no': { 'zh-CN': '否', en: 'No' },

  'decision.upheld': { 'zh-CN': '投诉成立', en: 'Upheld' },
  'decision.partly_upheld': { 'zh-CN': '部分成立', en: 'Partly upheld' },
  'decision.rejected': { 'zh-CN': '不成立', en: 'Rejected' },
  'atFault.yes': { 'zh-CN': '有责', en: 'Yes' },
  'atFault.no': { 'zh-CN': '无责', en: 'No' },
  'atFault.undetermined': { 'zh-CN': '待定', en: 'Undetermined' },

  'action.acknowledge': { 'zh-CN': '受理确认', en: 'Acknowledge' },
  'action.assign': { 'zh-CN': '指派承办人', en: 'Assign' },
  'action.transfer': { 'zh-CN': '转办', en: 'Transfer' },
  'action.note': { 'zh-CN': '添加备注', en: 'Add a note' },
  'action.request_info': { 'zh-CN': '请客户补充材料', en: 'Ask the customer for information' },
  'action.pause': { 'zh-CN': '暂停计时', en: 'Pause the clock' },
  'action.resume': { 'zh-CN': '恢复计时', en: 'Resume the clock' },
  'action.extend': { 'zh-CN': '延期', en: 'Extend' },
  'action.escalate': { 'zh-CN': '上报', en: 'Escalate' },
  'action.resolve': { 'zh-CN': '答复结案', en: 'Decide' },
  'action.reopen': { 'zh-CN': '二次沟通（重新办理）', en: 'Reopen (second contact)' },
  'action.merge': { 'zh-CN': '合并', en: 'Merge' },
  'action.withdraw': { 'zh-CN': '客户撤回', en: 'Withdrawn by the customer' },
  'action.submit': { 'zh-CN': '提交', en: 'Submit' },
  'action.sending': { 'zh-CN': '正在提交…', en: 'Sending…' },
  'action.done': { 'zh-CN': '已完成。', en: 'Done.' },
  'action.refused': { 'zh-CN': '未能办理：{detail}', en: 'Not done: {detail}' },
  'action.forbidden': { 'zh-CN': '您无权执行此操作。', en: 'You may not do this.' },
  'action.failed': { 'zh-CN': '提交失败，请重试。', en: 'Sending failed. Try again.' },

  'field.to': { 'zh-CN': '接收人或部门', en: 'To (person or unit)' },
  'field.note': { 'zh-CN': '转办说明', en: 'Transfer note' },
  'field.text': { 'zh-CN': '内容', en: 'Text' },
  'field.reason': { 'zh-CN': '原因', en: 'Reason' },
  'field.handler': { 'zh-CN': '接收部门的承办人', en: 'Handler in the receiving unit' },
  'field.via': { 'zh-CN': '告知方式', en: 'How the customer was told' },
  'via.email': { 'zh-CN': '电子邮件', en: 'Email' },
  'via.phone': { 'zh-CN': '电话', en: 'Phone' },
  'via.letter': { 'zh-CN': '信函', en: 'Letter' },
  'via.in_person': { 'zh-CN': '当面', en: 'In person' },
  'via.sms': { 'zh-CN': '短信', en: 'Text message' },
  'field.level': { 'zh-CN': '上报至', en: 'Escalate to' },
  'field.decision': { 'zh-CN': '处理结论', en: 'Decision' },
  'field.atFault': { 'zh-CN': '是否有责', en: 'Bank at fault' },
  'field.remedy': { 'zh-CN': '补救措施', en: 'Remedy' },
  'field.amount': { 'zh-CN': '赔偿金额', en: 'Compensation amount' },
  'field.currency': { 'zh-CN': '币种', en: 'Currency' },
  'field.letter': { 'zh-CN': '答复函', en: 'Decision letter' },
  'field.leader': { 'zh-CN': '参与的领导（默认为本人）', en: 'Leader taking part (you, if left blank)' },
  'field.into': { 'zh-CN': '并入的投诉编号', en: 'Merge into reference' },
  'field.optional': { 'zh-CN': '（选填）', en: '(optional)' },

  'level.1': { 'zh-CN': '网点负责人', en: 'Branch head' },
  'level.2': { 'zh-CN': '营运主管', en: 'Operations supervisor' },
  'level.3': { 'zh-CN': '分管行长', en: 'Deputy president' },
  'level.4': { 'zh-CN': '行长', en: 'President' },

  'register.title': { 'zh-CN': '登记投诉', en: 'Register a complaint' },
  'register.intro': {
    'zh-CN': '登记通过电话、来访、信函等渠道收到的投诉。登记人即为首问责任人。',
    en: 'Register a complaint received by phone, in person, by letter or another channel. You become its first responder.',
  },
  'register.channel': { 'zh-CN': '投诉渠道', en: 'Channel' },
  'register.receivedAt': { 'zh-CN': '收到时间（北京时间）', en: 'Received (Beijing time)' },
  'register.externalReference': {
    'zh-CN': '外部编号（如监管转办编号）',
    en: 'External reference (for example the regulator’s)',
  },
  'register.anonymous': { 'zh-CN': '匿名投诉', en: 'Anonymous' },
  'register.name': { 'zh-CN': '客户姓名', en: 'Customer name' },
  'register.phone': { 'zh-CN': '联系电话', en: 'Phone' },
  'register.email': { 'zh-CN': '电子邮箱', en: 'Email' },
  'register.customerId': { 'zh-CN': '客户号', en: 'Customer number' },
  'register.language': { 'zh-CN': '客户使用的语言', en: 'Customer’s language' },
  'register.branch': { 'zh-CN': '网点代码', en: 'Branch code' },
  'register.subject': { 'zh-CN': '投诉事项', en: 'Subject' },
  'register.description': { 'zh-CN': '详细描述', en: 'Description' },
  'register.urgent': { 'zh-CN': '情况紧急', en: 'Urgent' },
  'register.vulnerable': { 'zh-CN': '特殊群体客户', en: 'Vulnerable customer' },
  'register.consent': {
    'zh-CN': '客户已同意银行为处理投诉使用其信息',
    en: 'The customer agreed that the bank may use this information to handle the complaint',
  },
  'register.submit': { 'zh-CN': '登记', en: 'Register' },
  'register.invalid': { 'zh-CN': '请核对：{detail}', en: 'Check: {detail}' },
  'register.failed': { 'zh-CN': '登记失败：{detail}', en: 'Not registered: {detail}' },
  'register.receivedAtInvalid': {
    'zh-CN': '请填写正确的收到时间。',
    en: 'Enter a valid time of receipt.',
  },

  'status.received': { 'zh-CN': '已收到，待登记', en: 'Received' },
  'status.registered': { 'zh-CN': '已登记', en: 'Registered' },
  'status.in_progress': { 'zh-CN': '处理中', en: 'In progress' },
  'status.paused': { 'zh-CN': '暂停计时', en: 'Paused' },
  'status.resolved': { 'zh-CN': '已答复', en: 'Answered' },
  'status.closed': { 'zh-CN': '已办结', en: 'Closed' },
  'status.withdrawn': { 'zh-CN': '已撤回', en: 'Withdrawn' },
  'status.merged': { 'zh-CN': '已合并', en: 'Merged' },
  'status.under_review': { 'zh-CN': '核查中', en: 'Under review' },

  'channel.web': { 'zh-CN': '网站', en: 'Web form' },
  'channel.app': { 'zh-CN': '手机银行', en: 'App' },
  'channel.email': { 'zh-CN': '电子邮件', en: 'Email' },
  'channel.hotline': { 'zh-CN': '客服热线', en: 'Hotline' },
  'channel.walk_in': { 'zh-CN': '来访', en: 'Walk-in' },
  'channel.letter': { 'zh-CN': '信函', en: 'Letter' },
  'channel.suggestion_box': { 'zh-CN': '意见箱', en: 'Suggestion box' },
  'channel.media': { 'zh-CN': '媒体', en: 'Media' },
  'channel.regulator_transfer': { 'zh-CN': '监管转办', en: 'Regulator transfer' },
  'channel.branch_transfer': { 'zh-CN': '上级行转办', en: 'Branch transfer' },

  'event.case.received': { 'zh-CN': '收到投诉', en: 'Complaint received' },
  'event.case.registered': { 'zh-CN': '登记受理', en: 'Registered' },
  'event.case.acknowledged': { 'zh-CN': '已告知客户受理', en: 'Customer acknowledged' },
  'event.case.work_started': { 'zh-CN': '开始办理', en: 'Work started' },
  'event.case.assigned': { 'zh-CN': '指派承办人', en: 'Assigned' },
  'event.case.transferred': { 'zh-CN': '转办', en: 'Transferred' },
  'event.case.note_added': { 'zh-CN': '备注', en: 'Note' },
  'event.case.info_requested': { 'zh-CN': '请客户补充材料', en: 'Information requested' },
  'event.case.reminder_sent': { 'zh-CN': '督办提醒', en: 'Reminder sent' },
  'event.case.acknowledgement_overdue': { 'zh-CN': '受理超时', en: 'Acknowledgement overdue' },
  'event.clock.breached': { 'zh-CN': '超过答复期限', en: 'Deadline missed' },
  'event.clock.paused': { 'zh-CN': '暂停计时', en: 'Clock paused' },
  'event.clock.resumed': { 'zh-CN': '恢复计时', en: 'Clock resumed' },
  'event.clock.extended': { 'zh-CN': '延期', en: 'Extended' },
  'event.case.escalated': { 'zh-CN': '上报', en: 'Escalated' },
  'event.case.resolved': { 'zh-CN': '答复结案', en: 'Decided' },
  'event.case.review_requested': { 'zh-CN': '客户申请核查', en: 'Review requested' },
  'event.case.review_decided': { 'zh-CN': '核查结论', en: 'Review decided' },
  'event.case.reopened': { 'zh-CN': '二次沟通', en: 'Reopened' },
  'event.case.closed': { 'zh-CN': '办结', en: 'Closed' },
  'event.case.withdrawn': { 'zh-CN': '撤回', en: 'Withdrawn' },
  'event.case.merged': { 'zh-CN': '合并', en: 'Merged' },
  'event.case.customer_message': { 'zh-CN': '客户来信', en: 'Message from the customer' },
  'event.case.notice_sent': { 'zh-CN': '通知已发出', en: 'Notice sent' },
  'event.case.notice_delivered': { 'zh-CN': '通知已送达', en: 'Notice delivered' },
  'event.case.notice_bounced': { 'zh-CN': '通知被退回', en: 'Notice bounced' },
  'event.case.notice_complained': { 'zh-CN': '通知被标记为垃圾邮件', en: 'Notice marked as spam' },
  'event.case.notice_rejected': { 'zh-CN': '通知被拒收', en: 'Notice rejected' },
  'event.case.notice_rendering_failed': { 'zh-CN': '通知生成失败', en: 'Notice could not be composed' },
  'actor.customer': { 'zh-CN': '客户', en: 'Customer' },
  'actor.system': { 'zh-CN': '系统', en: 'System' },
} as const satisfies Record<string, Translation> & Record<DomainKeys, Translation>;

export type ConsoleKey = keyof typeof messages;
export type ConsoleParams = Readonly<Record<string, string | number>>;

export const consoleDictionary: Readonly<Record<ConsoleKey, Translation>> = messages;

export const isConsoleKey = (key: string): key is ConsoleKey => Object.hasOwn(messages, key);

export const consoleKeys: readonly ConsoleKey[] = Object.keys(messages).filter(isConsoleKey);

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a gap is noticed. */
export const translateConsole = (language: Language, key: ConsoleKey, params: ConsoleParams = {}): string =>
  consoleDictionary[key][language].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined ? placeholder : String(value);
  });

/** A label for a value the API sends (status, channel, event kind), or the raw value when unknown. */
export const labelOr = (language: Language, prefix: string, value: string): string => {
  const key = `${prefix}.${value}`;
  return isConsoleKey(key) ? translateConsole(language, key) : value;
};
