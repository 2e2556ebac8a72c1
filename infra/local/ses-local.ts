import { Server } from 'node:http';
import { createRequire } from 'node:module';
import { freePort } from './free-port.js';

export interface SesLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * aws-ses-v2-local is CommonJS with an `exports.default` function, which an ES module import
 * sees as a nested object; load it through require and check the shape instead of casting.
 */
const startSesServer = async (host: string, port: number): Promise<Server> => {
  const loaded: unknown = createRequire(import.meta.url)('aws-ses-v2-local');
  if (
    typeof loaded !== 'object' ||
    loaded === null ||
    !('default' in loaded) ||
    typeof loaded.default !== 'function'
  ) {
    throw new Error('aws-ses-v2-local does not export a server function');
  }
  const server: unknown = await loaded.default({ host, port });
  if (!(server instanceof Server)) throw new Error('aws-ses-v2-local did not return an HTTP server');
  return server;
};

/** aws-ses-v2-local in this process, bound to loopback (it listens on every interface by default). */
export const startSesLocal = async (port = 0): Promise<SesLocal> => {
  const chosen = port === 0 ? await freePort() : port;
  const server = await startSesServer('127.0.0.1', chosen);
  return {
    endpoint: `http://127.0.0.1:${chosen}`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
