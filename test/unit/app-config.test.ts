import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app/create-app.js';
import { loadAppConfig } from '../../shared/config/app-config.js';
import { sampleRoutingRules } from '../../shared/config/routing-rules.js';
import { LOCAL_STAFF_AUDIENCE } from '../../shared/config/staff-audience.js';

const base = { AWS_REGION: 'eu-west-1', TABLE_NAME: 'cases' };

describe('app configuration', () => {
  it('names the variable that is malformed', () => {
    expect(() => loadAppConfig({ ...base, INTAKE_QUEUE_URL: 'not a url' })).toThrow(/INTAKE_QUEUE_URL/);
    expect(() => loadAppConfig({ ...base, SENDER_ADDRESS: 'nobody' })).toThrow(/SENDER_ADDRESS/);
    expect(() => loadAppConfig({ AWS_REGION: 'eu-west-1' })).toThrow(/TABLE_NAME/);
  });

  it('names the JSON variable that does not parse or does not fit its schema', () => {
    expect(() => loadAppConfig({ ...base, ROUTING_RULES: '{' })).toThrow(/ROUTING_RULES is not JSON/);
    expect(() => loadAppConfig({ ...base, STAFF_DIRECTORY: '{"staff":1}' })).toThrow(/STAFF_DIRECTORY/);
  });

  it('applies the bank defaults and the sample rules when unset', () => {
    const config = loadAppConfig(base);
    expect(config.timeZone).toBe('Asia/Shanghai');
    expect(config.defaultClockPolicyId).toBe('cn-2020');
    expect(config.routing).toEqual(sampleRoutingRules);
  });

  it('expects staff tokens for STAFF_CLIENT_ID, or for the local dev tokens when it is unset', () => {
    expect(loadAppConfig(base).staffClientId).toBe(LOCAL_STAFF_AUDIENCE);
    const deployed = createApp(loadAppConfig({ ...base, STAFF_CLIENT_ID: '4abc123console' }));
    expect(deployed.getCase().staffAudience).toBe('4abc123console');
    deployed.close();
    const local = createApp(loadAppConfig(base));
    expect(local.getCase().staffAudience).toBe(LOCAL_STAFF_AUDIENCE);
    local.close();
  });

  it('stops a function that needs a variable it was not given, naming it', () => {
    const app = createApp(
      loadAppConfig({
        ...base,
        IDEMPOTENCY_TABLE_NAME: 'idempotency',
        SENDER_ADDRESS: 'noreply@bank.example',
        COMPLAINTS_ADDRESS: 'complaints@bank.example',
        PUBLIC_BASE_URL: 'https://complaints.bank.example',
        TOKEN_SEAL_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:0:secret:seal',
      }),
    );
    expect(() => app.effectsProcessor()).toThrow(
      /SLA_STATE_MACHINE_ARN is not set; starting SLA watches needs it/,
    );
    expect(() => app.submitComplaint()).toThrow(/INTAKE_QUEUE_URL is not set/);
    // What needs only the table starts.
    expect(app.getCase().ladder.levels.length).toBeGreaterThan(0);
    app.close();
  });
});
