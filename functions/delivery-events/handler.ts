import { appFromEnvironment } from '../app/create-app.js';
import { createDeliveryEventsHandler } from './create-handler.js';

// The environment is parsed and the clients built once per container, at cold start.
export const handler = createDeliveryEventsHandler(appFromEnvironment().deliveryEvents());
