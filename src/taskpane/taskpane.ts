/**
 * Task pane entry: waits for Office.js, then starts the pane. Outside Office (a plain browser)
 * `Office.onReady` resolves without a host and the pane says where it belongs.
 */
import { App } from "./app";

Office.onReady((info) => {
  const root = document.getElementById("app");
  if (!root) return;
  const app = new App(root);
  if (info.host) void app.start();
  else app.outsideExcel();
});
