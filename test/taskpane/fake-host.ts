/** Each test of a file on a new strict fake Excel host, installed as the global `Excel`; `host()` is the current one. */
import { FakeExcelHost } from "../fake-excel";

export function freshHostPerTest(): () => FakeExcelHost {
  let host: FakeExcelHost;
  let restore: () => void;
  beforeEach(() => {
    host = new FakeExcelHost();
    restore = host.install();
  });
  afterEach(() => restore());
  return () => host;
}
