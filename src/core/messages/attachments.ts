/** What may be attached to a message: documents and pictures people send to a job centre, 5 MB per message in all, 5 files at most. */
export const ATTACHMENT_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxTotalBytes: 5 * 1024 * 1024,
  maxPerMessage: 5,
  contentTypes: ['application/pdf', 'image/jpeg', 'image/png', 'text/plain', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/msword'],
} as const;

export type AttachmentProblem = 'too_large' | 'type_not_allowed' | 'empty' | 'too_many' | 'bad_name';

/** Checks one attachment against the limits; the content type is checked against the file's first bytes too where it can be. */
export function checkAttachment(file: { fileName: string; contentType: string; content: Uint8Array }): AttachmentProblem | null {
  const name = file.fileName.trim();
  if (name.length === 0 || name.length > 200 || /[\\/]/.test(name) || [...name].some((c) => c.charCodeAt(0) < 32)) return 'bad_name';
  if (file.content.length === 0) return 'empty';
  if (file.content.length > ATTACHMENT_LIMITS.maxBytes) return 'too_large';
  if (!(ATTACHMENT_LIMITS.contentTypes as readonly string[]).includes(file.contentType)) return 'type_not_allowed';
  const magic: Record<string, number[]> = { 'application/pdf': [0x25, 0x50, 0x44, 0x46], 'image/png': [0x89, 0x50, 0x4e, 0x47], 'image/jpeg': [0xff, 0xd8, 0xff] };
  const expected = magic[file.contentType];
  if (expected && !expected.every((byte, i) => file.content[i] === byte)) return 'type_not_allowed';
  return null;
}
