import type { Server } from 'node:http';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureCaseTable } from '../../shared/adapters/dynamodb/case-table-setup.js';
import { createDynamoDbClient } from '../../shared/adapters/dynamodb/dynamodb-client.js';
import { loadClockPosition, saveClockPosition } from './clock-state.js';
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb-local.js';
import { json, type LocalRoute, startHttpServer } from './http-server.js';
import type { LocalConfig } from './local-config.js';
import { type SesLocal, startSesLocal } from './ses-local.js';
import { VirtualClock } from './virtual-clock.js';

export interface LocalRuntime {
  url: string;
  config: LocalConfig;
  clock: VirtualClock;
  dynamoDb: { endpoint: string; client: DynamoDBClient };
  ses: { endpoint: string };
  stop(): Promise<void>;
}

const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/**
 * Starts the local system: DynamoDB Local with data on disk, the case table, aws-ses-v2-local
 * and the HTTP server, all on 127.0.0.1. Everything started is stopped again if a later
 * step fails, so a failed start leaves no stray process holding a port.
 */
export const startLocalRuntime = async (config: LocalConfig): Promise<LocalRuntime> => {
  const stoppers: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop();
    stoppers.length = 0;
  };
  try {
    const dynamoDbLocal: DynamoDbLocal = await startDynamoDbLocal({
      dataDir: join(config.dataDir, 'dynamodb'),
      port: config.dynamoDbPort,
    });
    stoppers.push(dynamoDbLocal.stop);
    const client = createDynamoDbClient({ endpoint: dynamoDbLocal.endpoint, region: 'local' });
    stoppers.push(async () => client.destroy());
    await ensureCaseTable(client, config.tableName);

    const ses: SesLocal = await startSesLocal(config.sesPort);
    stoppers.push(ses.stop);

    const clock = new VirtualClock(loadClockPosition(config.dataDir) ?? new Date(), {
      ticking: config.tickingClock,
    });
    stoppers.push(async () => clock.dispose());
    stoppers.push(async () => saveClockPosition(config.dataDir, clock.now()));

    const routes: LocalRoute[] = [
      {
        method: 'GET',
        path: '/health',
        handle: async () =>
          json(200, {
            ok: true,
            now: clock.now().toISOString(),
            table: config.tableName,
            services: { dynamodb: dynamoDbLocal.endpoint, ses: ses.endpoint },
          }),
      },
    ];
    const server = await startHttpServer(routes, config.port);
    stoppers.push(() => closeServer(server));
    const address = server.address();
    const port = address !== null && typeof address === 'object' ? address.port : config.port;

    return {
      url: `http://127.0.0.1:${port}`,
      config,
      clock,
      dynamoDb: { endpoint: dynamoDbLocal.endpoint, client },
      ses: { endpoint: ses.endpoint },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
};
