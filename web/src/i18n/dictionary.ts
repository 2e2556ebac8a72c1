import type { CaseStatus, Category, Language } from '../../../shared/domain/case/case-types.js';

/** One message in every language the customer pages speak; a missing language is a type error. */
export type Translation = Readonly<Record<Language, string>>;

/** Keys the domain dictates: adding a category or status without a label fails to compile. */
type DomainKeys = `category.${Category}` | `status.${CaseStatus}`;

/**
 * Every customer-facing string of the public pages, both languages side by side so a
 * translator sees the pair at once. `{name}` marks a parameter filled in by `translate`.
 */
const messages = {
  'app.name': { 'zh-CN': '客户投诉服务', en: 'Customer complaints' },
  'app.skipLink': { 'zh-CN': '跳到主要内容', en: 'Skip to main content' },
  'lang.group': { 'zh-CN': '选择语言', en: 'Choose language' },
  'lang.zh-CN': { 'zh-CN': '中文', en: '中文' },
  'lang.en': { 'zh-CN': 'English', en: 'English' },
  'footer.privacy': {
    'zh-CN': '您提供的信息仅用于处理本次投诉，并按规定加密保存。',
    en: 'We use what you tell us only to handle this complaint, and store it encrypted.',
  },

  'form.pageTitle': { 'zh-CN': '提交投诉 - 客户投诉服务', en: 'Make a complaint - Customer complaints' },
  'form.title': { 'zh-CN': '提交投诉', en: 'Make a complaint' },
  'form.intro': {
    'zh-CN': '请告诉我们发生了什么。我们收到后会立即登记，并告知您投诉编号和答复期限。',
    en: 'Tell us what happened. We register your complaint as soon as it arrives and tell you its reference and the date by which we will reply.',
  },
  'form.requiredNote': { 'zh-CN': '带 * 的为必填项。', en: 'Fields marked * must be filled in.' },
  'form.required': { 'zh-CN': '必填', en: 'required' },
  'form.optional': { 'zh-CN': '（选填）', en: '(optional)' },
  'form.submit': { 'zh-CN': '提交投诉', en: 'Send complaint' },
  'form.submitting': { 'zh-CN': '正在提交…', en: 'Sending…' },
  'form.counter': { 'zh-CN': '已输入 {count}/{max} 字', en: '{count} of {max} characters' },
  'form.counterOver': { 'zh-CN': '已超出 {over} 字', en: '{over} characters too many' },

  'section.you': { 'zh-CN': '投诉人信息', en: 'About you' },
  'section.complaint': { 'zh-CN': '投诉内容', en: 'Your complaint' },
  'section.priority': { 'zh-CN': '绿色通道', en: 'Priority handling' },
  'section.priorityHint': {
    'zh-CN': '符合以下情形的投诉将优先处理，并提前上报负责人。',
    en: 'Complaints like these are handled sooner and go to a manager earlier.',
  },

  'field.anonymous': { 'zh-CN': '匿名投诉', en: 'Complain anonymously' },
  'hint.anonymous': {
    'zh-CN': '匿名投诉无需填写姓名和联系方式，但我们将无法联系您，您只能通过查询链接了解处理进度。',
    en: 'You need not give your name or contact details, but we will not be able to reach you: you can follow progress only through the status link.',
  },
  'field.name': { 'zh-CN': '姓名', en: 'Full name' },
  'field.contact': { 'zh-CN': '联系方式', en: 'How we can reach you' },
  'hint.contact': {
    'zh-CN': '请至少填写联系电话、电子邮箱、客户号中的一项。',
    en: 'Give at least one: phone number, email address or customer number.',
  },
  'field.phone': { 'zh-CN': '联系电话', en: 'Phone number' },
  'hint.phone': { 'zh-CN': '例如 138 0013 8000', en: 'For example +86 138 0013 8000' },
  'field.email': { 'zh-CN': '电子邮箱', en: 'Email address' },
  'field.customerId': { 'zh-CN': '客户号', en: 'Customer number' },
  'hint.customerId': {
    'zh-CN': '可在对账单或手机银行“我的”页面查到。',
    en: 'Shown on your statements and in mobile banking.',
  },
  'field.branchCode': { 'zh-CN': '所属网点', en: 'Branch' },
  'hint.branchCode': {
    'zh-CN': '网点代码，例如 SH-PD01；不清楚可不填。',
    en: 'The branch code, for example SH-PD01. Leave it blank if you do not know it.',
  },
  'field.category': { 'zh-CN': '投诉类别', en: 'Type of complaint' },
  'category.placeholder': { 'zh-CN': '请选择', en: 'Choose one' },
  'categoryGroup.service': { 'zh-CN': '服务质量', en: 'Service quality' },
  'categoryGroup.operation': { 'zh-CN': '业务办理', en: 'How your business was handled' },
  'categoryGroup.other': { 'zh-CN': '其他', en: 'Other' },
  'category.service_attitude': { 'zh-CN': '服务态度', en: 'Staff attitude' },
  'category.service_product': { 'zh-CN': '产品与服务', en: 'A product or service' },
  'category.service_channel': {
    'zh-CN': '服务渠道（网点、电话银行、网上银行、手机银行）',
    en: 'A channel (branch, phone, online or mobile banking)',
  },
  'category.operation_error': { 'zh-CN': '业务差错', en: 'A mistake in a transaction' },
  'category.operation_internal_management': { 'zh-CN': '内部管理', en: 'Internal management' },
  'category.operation_rule_violation': { 'zh-CN': '违规操作', en: 'A breach of the rules' },
  'category.financial_crime': {
    'zh-CN': '金融犯罪（诈骗、盗刷等）',
    en: 'Financial crime (fraud, unauthorised payments)',
  },
  'category.anonymous': { 'zh-CN': '匿名投诉', en: 'Anonymous complaint' },
  'category.other': { 'zh-CN': '其他问题', en: 'Something else' },
  'field.product': { 'zh-CN': '涉及的产品或业务', en: 'Product or service concerned' },
  'hint.product': { 'zh-CN': '例如 借记卡、个人住房贷款', en: 'For example debit card, mortgage' },
  'field.occurredAt': { 'zh-CN': '发生日期', en: 'Date it happened' },
  'field.subject': { 'zh-CN': '投诉事项', en: 'Subject' },
  'hint.subject': { 'zh-CN': '用一句话概括您的问题。', en: 'Sum up the problem in one line.' },
  'field.description': { 'zh-CN': '详细描述', en: 'What happened' },
  'hint.description': {
    'zh-CN': '请说明经过、时间、地点及涉及的人员或账户。请勿填写密码、验证码或完整卡号。',
    en: 'Tell us what happened, when and where, and who or which account was involved. Never include passwords, one-time codes or full card numbers.',
  },
  'field.desiredOutcome': { 'zh-CN': '期望的处理结果', en: 'What you would like us to do' },
  'field.urgent': {
    'zh-CN': '情况紧急（例如资金正在受损）',
    en: 'This is urgent (for example, money is being lost now)',
  },
  'field.vulnerable': {
    'zh-CN': '我是老年人、残障人士或其他需要特别帮助的客户',
    en: 'I am older, disabled or otherwise need extra help',
  },
  'field.consent': {
    'zh-CN': '我同意银行为处理本次投诉收集和使用上述信息。',
    en: 'I agree that the bank may collect and use this information to handle my complaint.',
  },

  'error.summaryOne': {
    'zh-CN': '提交未成功：有 1 处需要修改。',
    en: 'Not sent: 1 answer needs correcting.',
  },
  'error.summaryMany': {
    'zh-CN': '提交未成功：有 {count} 处需要修改。',
    en: 'Not sent: {count} answers need correcting.',
  },
  'error.nameRequired': {
    'zh-CN': '请填写姓名，或勾选“匿名投诉”。',
    en: 'Enter your name, or choose to complain anonymously.',
  },
  'error.contactMissing': {
    'zh-CN': '请至少填写联系电话、电子邮箱、客户号中的一项，或勾选“匿名投诉”。',
    en: 'Give a phone number, email address or customer number, or choose to complain anonymously.',
  },
  'error.phoneInvalid': {
    'zh-CN': '请填写正确的电话号码，可包含数字、空格、+、- 和括号。',
    en: 'Enter a phone number using digits, spaces, +, - or brackets.',
  },
  'error.emailInvalid': {
    'zh-CN': '请填写正确的电子邮箱，例如 name@example.com。',
    en: 'Enter an email address like name@example.com.',
  },
  'error.customerIdInvalid': {
    'zh-CN': '客户号只能包含字母、数字、- 或 _，最多 64 位。',
    en: 'A customer number has up to 64 letters, digits, - or _.',
  },
  'error.branchCodeInvalid': {
    'zh-CN': '网点代码为 2 至 16 位大写字母、数字或 -。',
    en: 'A branch code has 2 to 16 capital letters, digits or -.',
  },
  'error.categoryInvalid': { 'zh-CN': '请从列表中选择投诉类别。', en: 'Choose a type from the list.' },
  'error.occurredAtInvalid': {
    'zh-CN': '请填写正确的日期，例如 2026-11-23。',
    en: 'Enter a real date, for example 2026-11-23.',
  },
  'error.subjectRequired': { 'zh-CN': '请填写投诉事项。', en: 'Enter a subject.' },
  'error.descriptionRequired': { 'zh-CN': '请详细描述您遇到的问题。', en: 'Tell us what happened.' },
  'error.consentRequired': {
    'zh-CN': '请勾选同意，我们才能处理您的投诉。',
    en: 'Tick the box to agree, so that we can handle your complaint.',
  },
  'error.tooLong': {
    'zh-CN': '“{field}”最多 {max} 字，请精简。',
    en: '“{field}” must be {max} characters or fewer.',
  },
  'error.fieldInvalid': { 'zh-CN': '请检查“{field}”。', en: 'Check “{field}”.' },
  'error.fieldServer': { 'zh-CN': '请核对“{field}”：{detail}', en: 'Check “{field}”: {detail}' },
  'error.formServer': { 'zh-CN': '提交未被接受：{detail}', en: 'Not accepted: {detail}' },

  'submit.networkError': {
    'zh-CN': '网络连接中断，投诉尚未确认提交。请检查网络后再次提交，不会重复登记。',
    en: 'The connection failed, so your complaint is not confirmed. Check your connection and send it again: it will not be registered twice.',
  },
  'submit.serverError': {
    'zh-CN': '服务暂时不可用，投诉尚未确认提交。请稍后再次提交，不会重复登记。',
    en: 'The service is unavailable, so your complaint is not confirmed. Send it again in a moment: it will not be registered twice.',
  },
  'submit.tooLarge': {
    'zh-CN': '提交的内容过多，请精简详细描述后再提交。',
    en: 'Your complaint is too long to send. Shorten the description and send it again.',
  },
  'submit.conflict': {
    'zh-CN': '这次提交与一项正在处理的提交冲突，请稍候片刻再提交。',
    en: 'This clashes with a submission that is still being processed. Wait a moment and send it again.',
  },
  'submit.rejected': {
    'zh-CN': '提交未被接受，请刷新页面后重试。',
    en: 'The complaint was not accepted. Reload the page and try again.',
  },

  'done.title': { 'zh-CN': '投诉已提交', en: 'Complaint sent' },
  'done.intro': {
    'zh-CN': '我们已收到您的投诉，登记后会告知您答复期限。',
    en: 'We have your complaint. Once it is registered we will tell you the date by which we will reply.',
  },
  'done.reference': { 'zh-CN': '投诉编号', en: 'Your reference' },
  'done.keepLink': {
    'zh-CN': '请妥善保存下面的查询链接：它是查询处理进度的唯一凭证，遗失后无法补发。请勿转发给他人。',
    en: 'Keep the link below safe. It is the only key to your complaint’s progress and we cannot send it again. Do not share it.',
  },
  'done.statusLink': { 'zh-CN': '查询处理进度', en: 'Check progress' },
  'done.copy': { 'zh-CN': '复制链接', en: 'Copy link' },
  'done.copied': { 'zh-CN': '链接已复制。', en: 'Link copied.' },
  'done.copyFailed': {
    'zh-CN': '无法自动复制，请手动复制上面的链接。',
    en: 'Could not copy automatically. Copy the link above by hand.',
  },
  'done.another': { 'zh-CN': '再提交一项投诉', en: 'Make another complaint' },

  'status.pageTitle': {
    'zh-CN': '投诉处理进度 - 客户投诉服务',
    en: 'Complaint progress - Customer complaints',
  },
  'status.title': { 'zh-CN': '投诉处理进度', en: 'Complaint progress' },
  'status.loading': { 'zh-CN': '正在查询…', en: 'Loading…' },
  'status.reference': { 'zh-CN': '投诉编号', en: 'Reference' },
  'status.current': { 'zh-CN': '当前状态', en: 'Status' },
  'status.receivedAt': { 'zh-CN': '收到时间', en: 'Received' },
  'status.acknowledgeBy': { 'zh-CN': '登记确认期限', en: 'We will confirm it by' },
  'status.decideBy': { 'zh-CN': '承诺答复日期', en: 'We will reply by' },
  'status.history': { 'zh-CN': '处理记录', en: 'What has happened' },
  'status.historyEmpty': { 'zh-CN': '暂无处理记录。', en: 'Nothing has been recorded yet.' },
  'status.timeZone': {
    'zh-CN': '以上时间均为北京时间。',
    en: 'All times are China Standard Time (Beijing, UTC+8).',
  },
  'status.notFoundTitle': { 'zh-CN': '未找到该投诉', en: 'We could not find this complaint' },
  'status.notFoundBody': {
    'zh-CN':
      '请确认使用的是提交投诉后获得的完整链接（链接中含查询凭证）。如仍无法查询，请致电客服热线并提供投诉编号。',
    en: 'Check that you used the whole link you were given when you sent the complaint: it contains your access key. If it still does not work, call us and quote your reference.',
  },
  'status.error': {
    'zh-CN': '暂时无法查询处理进度，请稍后重试。',
    en: 'We cannot show the progress right now. Try again in a moment.',
  },
  'status.retry': { 'zh-CN': '重试', en: 'Try again' },
  'status.newComplaint': { 'zh-CN': '提交新的投诉', en: 'Make a new complaint' },
  'status.received': { 'zh-CN': '已收到，待登记', en: 'Received, being registered' },
  'status.registered': { 'zh-CN': '已登记受理', en: 'Registered' },
  'status.in_progress': { 'zh-CN': '处理中', en: 'Being looked into' },
  'status.paused': {
    'zh-CN': '暂停计时（外部鉴定或检测中）',
    en: 'On hold (waiting for an outside assessment or test)',
  },
  'status.resolved': { 'zh-CN': '已答复', en: 'Answered' },
  'status.closed': { 'zh-CN': '已办结', en: 'Closed' },
  'status.withdrawn': { 'zh-CN': '已撤回', en: 'Withdrawn' },
  'status.merged': { 'zh-CN': '已与其他投诉合并处理', en: 'Merged with another complaint' },
  'status.under_review': { 'zh-CN': '核查中', en: 'Being reviewed' },
} as const satisfies Record<string, Translation> & Record<DomainKeys, Translation>;

export type MessageKey = keyof typeof messages;

export type MessageParams = Readonly<Record<string, string | number>>;

export const dictionary: Readonly<Record<MessageKey, Translation>> = messages;

const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(messages, key);

export const messageKeys: readonly MessageKey[] = Object.keys(messages).filter(isMessageKey);

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a gap is noticed, not hidden. */
export const translate = (language: Language, key: MessageKey, params: MessageParams = {}): string =>
  dictionary[key][language].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined ? placeholder : String(value);
  });

/** The translated label of a case status, or undefined for a status this page does not know yet. */
export const statusKey = (status: string): MessageKey | undefined => {
  const key = `status.${status}`;
  return isMessageKey(key) ? key : undefined;
};
