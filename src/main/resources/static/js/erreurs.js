// A form that comes back with errors puts the focus on their summary (DSFR, RGAA 11.10), so that a screen reader
// announces it and the keyboard goes from there to each field through the summary's links. A file of its own, not an
// inline script, so that the Content-Security-Policy needs no 'unsafe-inline' (ADR 0012).
(function () {
  var summary = document.querySelector('[data-resume-erreurs]');
  if (summary) { summary.focus(); }
})();
