import type { InboundAttachment } from './inbound-mail.js';

export interface AttachmentLimits {
  maxCount: number;
  maxBytesEach: number;
  maxBytesTotal: number;
}

const megabyte = 1024 * 1024;

export const defaultAttachmentLimits: AttachmentLimits = {
  maxCount: 10,
  maxBytesEach: 10 * megabyte,
  maxBytesTotal: 20 * megabyte,
};

export type AttachmentRefusal = 'executable' | 'too_large' | 'too_many';

export interface RefusedAttachment {
  filename?: string;
  contentType: string;
  size: number;
  reason: AttachmentRefusal;
}

export interface AttachmentCheck {
  accepted: InboundAttachment[];
  refused: RefusedAttachment[];
}

/** Extensions Windows, macOS, Android or a shell will run when opened. */
const executableExtensions = new Set([
  'exe',
  'bat',
  'cmd',
  'com',
  'scr',
  'js',
  'jse',
  'vbs',
  'vbe',
  'wsf',
  'hta',
  'msi',
  'msp',
  'jar',
  'ps1',
  'sh',
  'apk',
  'dll',
  'cpl',
  'pif',
  'lnk',
]);

const executableTypes = new Set([
  'application/x-msdownload',
  'application/x-dosexec',
  'application/x-msdos-program',
  'application/x-ms-installer',
  'application/x-msi',
  'application/x-executable',
  'application/x-sharedlib',
  'application/java-archive',
  'application/x-java-archive',
  'application/vnd.android.package-archive',
  'application/x-sh',
  'application/x-shellscript',
  'text/x-shellscript',
  'application/x-bat',
  'application/x-powershell',
  'application/hta',
  'application/javascript',
  'text/javascript',
  'application/x-javascript',
  'text/vbscript',
]);

// Bidirectional controls let `invoice\u202Efdp.exe` display as `invoiceexe.pdf`; zero-width
// characters can split an extension. Windows also ignores trailing dots and spaces.
const invisible = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** The extension Windows would act on, lower-cased: the last one, so `invoice.pdf.exe` is an `exe`. */
export const effectiveExtension = (filename: string): string | undefined => {
  const cleaned = filename
    .replace(invisible, '')
    .replace(/[.\s]+$/, '')
    .toLowerCase();
  const dot = cleaned.lastIndexOf('.');
  return dot < 0 ? undefined : cleaned.slice(dot + 1);
};

export const isExecutable = (attachment: Pick<InboundAttachment, 'filename' | 'contentType'>): boolean => {
  const extension = attachment.filename === undefined ? undefined : effectiveExtension(attachment.filename);
  if (extension !== undefined && executableExtensions.has(extension)) return true;
  return executableTypes.has(attachment.contentType.trim().toLowerCase());
};

/**
 * Which attachments are stored with the case. Executables are refused whatever else holds;
 * then each must fit `maxBytesEach`, and they are taken in the order sent while the count and
 * the total allow, so the first evidence a customer attached is what is kept.
 */
export const checkAttachments = (
  attachments: readonly InboundAttachment[],
  limits: AttachmentLimits = defaultAttachmentLimits,
): AttachmentCheck => {
  const accepted: InboundAttachment[] = [];
  const refused: RefusedAttachment[] = [];
  let total = 0;
  for (const attachment of attachments) {
    const refuse = (reason: AttachmentRefusal) => {
      const entry: RefusedAttachment = { contentType: attachment.contentType, size: attachment.size, reason };
      if (attachment.filename !== undefined) entry.filename = attachment.filename;
      refused.push(entry);
    };
    if (isExecutable(attachment)) refuse('executable');
    else if (attachment.size > limits.maxBytesEach || total + attachment.size > limits.maxBytesTotal) {
      refuse('too_large');
    } else if (accepted.length >= limits.maxCount) refuse('too_many');
    else {
      accepted.push(attachment);
      total += attachment.size;
    }
  }
  return { accepted, refused };
};
