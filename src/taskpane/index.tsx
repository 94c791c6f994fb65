/**
 * The task pane's entry: renders the React app once Office is ready. In a plain browser office.js
 * still loads and `Office.onReady` resolves with `host: null`; if office.js is missing altogether
 * (blocked, offline), the pane renders in preview mode anyway.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";

function render(host: Office.HostType | null): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(<App host={host} />);
}

if (typeof Office === "undefined") {
  render(null);
} else {
  void Office.onReady((info) => render(info.host ?? null));
}
