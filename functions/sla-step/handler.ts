import { appFromEnvironment } from '../app/create-app.js';
import { createSlaStepHandler } from './create-handler.js';

// The environment is parsed and the clients built once per container, at cold start.
export const handler = createSlaStepHandler(appFromEnvironment().slaStep());
