/// <reference lib="dom" />

import { createSubmitter } from './api/submit-complaint.js';
import { mountComplaintForm } from './form/complaint-form.js';
import { requireElement } from './ui/dom.js';
import { createLocalizer, initialLanguage } from './ui/localizer.js';
import { renderLayout } from './ui/page-layout.js';

/** Entry point of the public complaint form at `/`. */
const localizer = createLocalizer(initialLanguage(), 'form.pageTitle');
const { main } = renderLayout(requireElement(document, '#app', HTMLElement), localizer);
mountComplaintForm(main, { localizer, submit: createSubmitter(), origin: window.location.origin });
