import { escapeHtml } from "../charts/table";
import type { Check } from "./types";

const MARKS = { correct: "✓", incorrect: "✗", unanswered: "…" } as const;
const COLOURS = { correct: "#1a7f37", incorrect: "#cf222e", unanswered: "#6e7781" } as const;

/** One line of plain text: `✓ 04.2 correct.`, `✗ 04.2 <hint>`, `… 04.2 not answered yet: …`. */
export function checkText(check: Check): string {
  return `${MARKS[check.status]} Exercise ${check.id}: ${check.message}`;
}

/** The same line as HTML, with a coloured mark and left border, readable in JupyterLab and in a static page. */
export function checkHtml(check: Check): string {
  const colour = COLOURS[check.status];
  return (
    `<div class="exercise-check exercise-check-${check.status}" style="border-left: 4px solid ${colour}; ` +
    `padding: 4px 10px; margin: 4px 0"><strong style="color: ${colour}">${MARKS[check.status]} Exercise ` +
    `${escapeHtml(check.id)}</strong> ${escapeHtml(check.message)}</div>`
  );
}
