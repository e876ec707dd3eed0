// The committee's pages, improved when scripts run; without them the pages say the same after each submission.
// A file of its own, not an inline script, so that the Content-Security-Policy needs no 'unsafe-inline' (ADR 0012).
(function () {
  // Back on a row after an action (post, redirect, get to #message-…): the browser focuses the row's message, the
  // target of the address, so that a screen reader says what was done where the person is; made sure of here once
  // the page is loaded, as a browser may give the focus back to the page when it scrolls to the target.
  var target = window.location.hash && document.getElementById(window.location.hash.substring(1));
  // Back from a row's link « Évaluer » without the script below: the row's level, now a form, takes the focus.
  if (target && target.tagName === 'SELECT') {
    target.focus();
  }
  if (target && target.classList.contains('cocon-row-message')) {
    window.addEventListener('load', function () {
      if (document.activeElement !== target) {
        target.focus();
      }
    });
  }
  // A row's link « Évaluer » (or « Modifier mon évaluation »), or « Financer un projet de la présélection », loads
  // its form, drawn by the server in the page the link asks for, and puts it in the link's place, its first field
  // (the address's target) focused: the page itself carries no form per row (issue 26, ADR 60). Without the script,
  // or if the form cannot be had, the link opens that page.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-charger]');
    if (!link) {
      return;
    }
    event.preventDefault();
    var id = decodeURIComponent(link.hash.substring(1));
    fetch(link.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var level = new DOMParser().parseFromString(html, 'text/html').getElementById(id);
        var form = level && level.closest('form');
        if (!form) {
          throw new Error('no form');
        }
        var fresh = document.importNode(form, true);
        link.closest('p').replaceWith(fresh);
        document.getElementById(id).focus();
      })
      .catch(function () {
        window.location.assign(link.href);
      });
  });
  // A row's link « Déclarer un conflit » chooses its proposal in the page's one form of conflict of interest without
  // loading the page again (without scripts, the link asks the server for the page with that proposal chosen), and
  // puts the focus on the choice, which says the proposal chosen, the reason's field next.
  var conflict = document.getElementById('conflit-proposition');
  if (conflict) {
    document.addEventListener('click', function (event) {
      var link = event.target.closest && event.target.closest('a[data-conflit]');
      if (link) {
        event.preventDefault();
        conflict.value = new URL(link.href).searchParams.get('conflit');
        conflict.focus();
        conflict.scrollIntoView({ block: 'center' });
      }
    });
  }
  // The count of ticked proposals against the target, said politely as boxes are ticked.
  var count = document.querySelector('[data-compte-selection]');
  if (count) {
    var target = count.getAttribute('data-objectif');
    var update = function () {
      var ticked = document.querySelectorAll('input[data-retenir]:checked').length;
      var text = ticked + (ticked > 1 ? ' sélectionnées' : ' sélectionnée');
      count.textContent = target ? text + ' sur un objectif de ' + target : text;
    };
    document.addEventListener('change', function (event) {
      if (event.target.matches && event.target.matches('input[data-retenir]')) {
        update();
      }
    });
  }
  // A refused decision comes back with its summary of errors: it takes the focus, so that it is read first.
  var errors = document.getElementById('erreurs');
  if (errors) {
    errors.focus();
  }
}());
