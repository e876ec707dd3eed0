// The triage queue, improved when scripts run; without them every decision is still a link and a form of the card
// or of the selection (ADR 0053). A file of its own, not an inline script: the Content-Security-Policy has no
// 'unsafe-inline'.
(function () {
  if (!document.querySelector('[data-file-de-tri]')) {
    return;
  }
  var cards = function () {
    return Array.prototype.slice.call(document.querySelectorAll('article[data-contribution]'));
  };
  var focusOnLoad = function (element) {
    window.addEventListener('load', function () {
      if (document.activeElement !== element) {
        element.focus();
      }
    });
  };

  // A card's decision opened (its link: ?decider=…&geste=…#decision): its first field takes the focus, the proposal
  // menu on the very close proposal when there is one. Back after a decision (#contribution-…): the next card's
  // title, so that a screen reader says where the curator is and the keys below act on that card.
  var opened = document.querySelector('[data-geste-ouvert]');
  var field = opened && opened.querySelector('select, textarea, input:not([type=hidden]):not([type=checkbox])');
  var back = window.location.hash && document.getElementById(window.location.hash.substring(1));
  if (field && back === opened) {
    focusOnLoad(field);
  }
  else if (back && back.closest('article[data-contribution]')) {
    focusOnLoad(back);
  }

  // Keyboard shortcuts (WCAG 2.1.4): single keys act only while the focus is on a contribution's card or on one of
  // its links, buttons and boxes, never in a text field or a menu, so that a screen reader's own keys keep working
  // everywhere else; the page lists them above the cards.
  var move = function (card, step) {
    var all = cards();
    var next = all[all.indexOf(card) + step];
    if (next) {
      next.focus();
      next.scrollIntoView({ block: 'start' });
    }
  };
  var decide = function (card, gesture) {
    var link = card.querySelector('a[data-geste="' + gesture + '"]');
    if (link) {
      link.click();
    }
    else {
      var form = card.querySelector('[data-geste-ouvert] select, [data-geste-ouvert] textarea, [data-geste-ouvert] input:not([type=hidden])');
      if (form) {
        form.focus();
      }
    }
  };
  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) {
      return;
    }
    var target = event.target;
    var card = target.closest && target.closest('article[data-contribution]');
    if (!card || target.matches('textarea, select, input:not([type=checkbox]):not([type=radio])')
        || target.isContentEditable) {
      return;
    }
    var handled = true;
    switch (event.key) {
      case 'j':
        move(card, 1);
        break;
      case 'k':
        move(card, -1);
        break;
      case 'x':
        card.querySelector('input[name=contributionIds][form=selection]').click();
        break;
      case 'r':
        decide(card, 'regrouper');
        break;
      case 'o':
        decide(card, 'reorienter');
        break;
      case 'e':
        decide(card, 'rejeter');
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
    }
  });
}());
