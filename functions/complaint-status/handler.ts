import { appFromEnvironment } from '../app/create-app.js';
import { createComplaintStatusHandler } from './create-handler.js';

// The environment is parsed and the clients built once per container, at cold start.
export const handler = createComplaintStatusHandler(appFromEnvironment().complaintStatus());
