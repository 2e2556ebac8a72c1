/// <reference lib="dom" />

import { h } from '../ui/dom.js';
import { signIn } from './console-api.js';
import type { ConsoleLocalizer } from './console-localizer.js';
import { field, selectControl, tx } from './console-ui.js';
import { devUsers, type StaffSession } from './session.js';

/** Local sign-in: pick a development user, exchange the name for a token. */
export const renderSignIn = (
  main: HTMLElement,
  localizer: ConsoleLocalizer,
  onSignedIn: (session: StaffSession) => void,
  expired: boolean,
): void => {
  const user = selectControl(
    localizer,
    'sign-in-user',
    'user',
    devUsers.map((name) => ({ value: name, text: name })),
    'handler-BJ-001',
  );
  const alert = h('div', { class: 'form-alert', role: 'alert', id: 'sign-in-alert' });
  if (expired) localizer.text(alert, 'signIn.expired');
  const submit = tx(localizer, 'button', 'signIn.submit', {
    type: 'submit',
    class: 'primary',
    id: 'sign-in',
  });
  const form = h('form', { class: 'sign-in', novalidate: true }, [
    field(localizer, 'signIn.user', user),
    submit,
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.setAttribute('aria-disabled', 'true');
    void signIn(user.value).then((token) => {
      submit.removeAttribute('aria-disabled');
      if (token === undefined) {
        localizer.text(alert, 'signIn.failed');
        return;
      }
      onSignedIn({ user: user.value, token });
    });
  });
  main.replaceChildren(
    tx(localizer, 'h1', 'signIn.title', { tabindex: '-1' }),
    tx(localizer, 'p', 'signIn.intro', { class: 'lead' }),
    alert,
    form,
  );
};
