/**
 * Errors shaped like Office.js's `OfficeExtension.Error` (name "RichApi.Error", a `code`), so code
 * that branches on `error.code` behaves the same against the fake and against Excel.
 */
export type FakeErrorCode =
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidObjectPath"
  | "PropertyNotLoaded"
  | "RequestPayloadSizeLimitExceeded"
  | "NotImplemented"
  /** An API the host's requirement sets do not include (Excel's `ApiNotFound`). */
  | "ApiNotFound"
  | "GeneralException";

export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { readonly code: FakeErrorCode; readonly message: string; readonly errorLocation?: string };

  constructor(
    readonly code: FakeErrorCode,
    message: string,
    errorLocation?: string,
  ) {
    super(`${code}: ${message}`);
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export const invalidArgument = (message: string, where?: string): FakeOfficeError =>
  new FakeOfficeError("InvalidArgument", message, where);

export const itemNotFound = (message: string, where?: string): FakeOfficeError =>
  new FakeOfficeError("ItemNotFound", message, where);
