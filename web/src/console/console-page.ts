/// <reference lib="dom" />

import { requireElement } from '../ui/dom.js';
import { initialLanguage } from '../ui/localizer.js';
import { renderCaseList } from './case-list-view.js';
import { referenceFromPath, renderCasePage } from './case-page-view.js';
import { createStaffApi, type Failure } from './console-api.js';
import { renderConsoleLayout } from './console-layout.js';
import { createConsoleLocalizer } from './console-localizer.js';
import { renderRegister } from './register-view.js';
import { clearSession, loadSession, type StaffSession, saveSession } from './session.js';
import { renderSignIn } from './sign-in-view.js';

/** Entry point of the staff console at `/console`, `/console/register` and `/console/cases/{reference}`. */
const root = requireElement(document, '#app', HTMLElement);
const localizer = createConsoleLocalizer(initialLanguage());

const go = (path: string): void => {
  window.location.assign(path);
};

const showSignIn = (expired: boolean): void => {
  const { main } = renderConsoleLayout(root, localizer, { user: undefined, onSignOut: () => undefined });
  renderSignIn(
    main,
    localizer,
    (session: StaffSession) => {
      saveSession(session);
      // Back to where the user was going: the address is unchanged by signing in.
      start();
    },
    expired,
  );
};

function start(): void {
  const session = loadSession();
  if (session === undefined) {
    showSignIn(false);
    return;
  }
  const signOut = () => {
    clearSession();
    go('/console');
  };
  const { main } = renderConsoleLayout(root, localizer, { user: session.user, onSignOut: signOut });
  const api = createStaffApi(session.token, () => {
    clearSession();
    showSignIn(true);
  });
  // A 401 is handled by the API client (back to sign-in); other failures are shown in place.
  const onFailure = (_failure: Failure) => undefined;
  const path = window.location.pathname;
  const reference = referenceFromPath(path);
  if (reference !== undefined) {
    renderCasePage(main, localizer, api, reference, onFailure);
  } else if (/^\/console\/register\/?$/.test(path)) {
    // Branch staff register for their own branch; the dev user names carry it (handler-BJ-001).
    const branch = /-([A-Z]{2}-\d{3})$/.exec(session.user)?.[1];
    renderRegister(
      main,
      localizer,
      api,
      (created) => go(`/console/cases/${encodeURIComponent(created)}`),
      onFailure,
      branch,
    );
  } else {
    renderCaseList(main, localizer, api, onFailure);
  }
}

start();
