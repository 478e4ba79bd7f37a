/** Request bodies above this are refused with 413 (OWASP API4: unrestricted resource consumption). */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** The limit as the 413 problem states it: `64 KB`. */
export const BODY_LIMIT_TEXT = `${BODY_LIMIT_BYTES / 1024} KB`;
