/**
 * The request context: the queue of operations and `sync()`, which runs them in order against the
 * workbook. As in Excel, a failing operation stops the batch; operations before it stay done
 * (Office.js batches are not transactions), the rest are dropped, and `sync()` rejects.
 */
import { FakeOfficeError } from "./errors";
import type { FakeExcelHost } from "./host";
import { payloadBytes } from "./proxy";
import { FakeApplication, FakeWorkbook } from "./workbook";

export interface QueuedOp {
  readonly label: string;
  /** Estimated request bytes (the JSON of what is sent). */
  readonly requestBytes: number;
  run(): void;
}

export interface SyncRecord {
  /** 1-based, over the host's lifetime. */
  readonly index: number;
  readonly operations: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  /** `suspendApiCalculationUntilNextSync()` was queued in this batch. */
  readonly calculationSuspended: boolean;
  /** Labels of the queued operations, in order. */
  readonly labels: readonly string[];
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private ops: QueuedOp[] = [];
  private responseBytes = 0;
  private syncing = false;
  calculationSuspended = false;

  constructor(readonly host: FakeExcelHost) {
    this.workbook = new FakeWorkbook(this);
    this.application = this.workbook.application;
  }

  /** Operations queued since the last sync. */
  get pendingOperations(): number {
    return this.ops.length;
  }

  enqueue(op: QueuedOp): void {
    if (this.syncing) throw new FakeOfficeError("InvalidOperation", "Nye operasjoner mens context.sync() kjører");
    this.ops.push(op);
  }

  countResponse(value: unknown): void {
    this.responseBytes += payloadBytes(value);
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    await Promise.resolve();
    const index = this.host.beginSync();
    const requestBytes = ops.reduce((n, op) => n + op.requestBytes, 0);
    const limit = this.host.options.maxPayloadBytes;
    this.responseBytes = 0;
    this.calculationSuspended = false;
    this.syncing = true;
    try {
      if (requestBytes > limit) {
        throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `Forespørselen er ${requestBytes} byte; grensen er ${limit}`);
      }
      for (const op of ops) op.run();
      if (this.responseBytes > limit) {
        throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `Svaret er ${this.responseBytes} byte; grensen er ${limit}`);
      }
    } finally {
      this.syncing = false;
      this.host.endSync({
        index,
        operations: ops.length,
        requestBytes,
        responseBytes: this.responseBytes,
        calculationSuspended: this.calculationSuspended,
        labels: ops.map((op) => op.label),
      });
    }
  }
}
