/* global Office */
/** Task pane entry (placeholder): shows that Office.js and the bundle have loaded. */

Office.onReady(() => {
  const status = document.getElementById("status");
  if (status) {
    status.textContent = "Lønnsavstemming lastet";
  }
});
