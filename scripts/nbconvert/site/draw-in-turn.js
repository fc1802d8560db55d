// Draws a chapter's charts one per task, in page order, so the browser paints the first chart before it draws the
// next. Each chart output calls Plotly.newPlot from its own script (src/charts/show.ts); called in one go, the calls
// hold the main thread until the last chart is drawn and nothing is painted in between. Loaded right after
// plotly.min.js on the site's chapter pages only.
(() => {
  const Plotly = window.Plotly;
  if (!Plotly) return;
  const draw = Plotly.newPlot;
  const waiting = [];
  let drawing = false;

  function drawNext() {
    const next = waiting.shift();
    if (!next) {
      drawing = false;
      return;
    }
    Promise.resolve()
      .then(() => draw.apply(Plotly, next.args))
      .then(next.resolve, next.reject)
      .finally(() => setTimeout(drawNext, 0));
  }

  Plotly.newPlot = (...args) =>
    new Promise((resolve, reject) => {
      waiting.push({ args, resolve, reject });
      if (!drawing) {
        drawing = true;
        drawNext();
      }
    });
})();
