import { z } from 'zod';

/**
 * Who answers first (首问负责制) when a complaint arrives without a staff member taking it:
 * the duty desk of the branch named in the complaint, otherwise the consumer-protection desk.
 * Rules are data so a bank can change them without a release.
 */
const deskSchema = z.strictObject({
  /** Staff or desk id recorded as first responder. */
  id: z.string().min(1),
  name: z.strictObject({ 'zh-CN': z.string().min(1), en: z.string().min(1) }),
  email: z.email(),
  phone: z.string().min(3).optional(),
});

export const routingRulesSchema = z.strictObject({
  consumerProtectionDesk: deskSchema,
  branches: z.record(z.string().regex(/^[A-Z0-9-]{2,16}$/), z.strictObject({ dutyDesk: deskSchema })),
});

export type RoutingRules = z.infer<typeof routingRulesSchema>;
export type Desk = z.infer<typeof deskSchema>;

/** Sample rules shipped for local use and tests; a deployment passes its own as JSON. */
export const sampleRoutingRules: RoutingRules = {
  consumerProtectionDesk: {
    id: 'desk:consumer-protection',
    name: { 'zh-CN': '消费者权益保护部', en: 'Consumer Protection Office' },
    email: 'consumer-protection@bank.example',
    phone: '95533',
  },
  branches: {
    'BJ-001': {
      dutyDesk: {
        id: 'desk:BJ-001',
        name: { 'zh-CN': '北京分行营业部', en: 'Beijing Main Branch' },
        email: 'duty.bj001@bank.example',
        phone: '010-6600-0001',
      },
    },
    'SH-002': {
      dutyDesk: {
        id: 'desk:SH-002',
        name: { 'zh-CN': '上海浦东支行', en: 'Shanghai Pudong Sub-branch' },
        email: 'duty.sh002@bank.example',
        phone: '021-5800-0002',
      },
    },
    'GZ-003': {
      dutyDesk: {
        id: 'desk:GZ-003',
        name: { 'zh-CN': '广州天河支行', en: 'Guangzhou Tianhe Sub-branch' },
        email: 'duty.gz003@bank.example',
        phone: '020-3800-0003',
      },
    },
  },
};
