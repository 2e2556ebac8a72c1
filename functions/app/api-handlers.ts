import type { ApiFunctionName } from '../../infra/api-routes.js';
import { createBranchesHandler } from '../branches/create-handler.js';
import { createCaseActionHandler } from '../case-action/create-handler.js';
import { createComplaintStatusHandler } from '../complaint-status/create-handler.js';
import { createGetCaseHandler } from '../get-case/create-handler.js';
import { createListCasesHandler } from '../list-cases/create-handler.js';
import { createRegisterCaseHandler } from '../register-case/create-handler.js';
import { createSubmitComplaintHandler } from '../submit-complaint/create-handler.js';
import type { RedressApp } from './create-app.js';

/** The handler behind each entry of the route table, built from one app (the local API server). */
export const apiHandlers = (app: RedressApp) =>
  ({
    'submit-complaint': createSubmitComplaintHandler(app.submitComplaint()),
    'complaint-status': createComplaintStatusHandler(app.complaintStatus()),
    'list-cases': createListCasesHandler(app.listCases()),
    'get-case': createGetCaseHandler(app.getCase()),
    'register-case': createRegisterCaseHandler(app.registerCase()),
    'case-action': createCaseActionHandler(app.caseAction()),
    branches: createBranchesHandler(app.branchesApi()),
  }) satisfies Record<ApiFunctionName, unknown>;
