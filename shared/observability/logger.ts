/**
 * The logger of the shared observability module (powertools.ts), re-exported for the modules that
 * import it from here. New code imports logger, metrics and tracer from powertools.ts.
 */
export { logger } from './powertools.js';
