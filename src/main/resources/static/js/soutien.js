// One click, immediate feedback: the button is replaced by its new state and the new count is announced.
// Without JavaScript the form posts and the page comes back with the same result. A file of its own, not an inline
// script, so that the Content-Security-Policy needs no 'unsafe-inline' (ADR 0012).
document.addEventListener('submit', function (event) {
  var form = event.target.closest('form[data-soutien]');
  if (!form) { return; }
  event.preventDefault();
  var block = form.closest('[data-soutien-bloc]');
  var button = form.querySelector('button');
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  // the CSRF token of the form also goes in the header Spring Security reads first (ADR 0035)
  var token = form.querySelector('input[name="_csrf"]');
  var headers = { 'X-Requested-With': 'fetch' };
  if (token) { headers['X-CSRF-TOKEN'] = token.value; }
  fetch(form.action, { method: 'POST', body: new FormData(form), headers: headers, credentials: 'same-origin' })
    .then(function (response) {
      if (response.status === 429) {
        // over the rate limit: the refusal page carries the message, shown here without leaving the page
        return response.text().then(function (html) {
          var page = new DOMParser().parseFromString(html, 'text/html');
          var message = page.querySelector('[data-trop-de-requetes]');
          var text = message ? message.textContent.trim() : '';
          var error = document.createElement('p');
          error.className = 'fr-error-text';
          error.textContent = text;
          block.appendChild(error);
          document.getElementById('annonce').textContent = text;
          button.disabled = false;
          button.removeAttribute('aria-busy');
          button.focus();
          return null;
        });
      }
      if (!response.ok) { throw new Error(response.status); }
      return response.text();
    })
    .then(function (html) {
      if (html === null) { return; }
      var holder = document.createElement('div');
      holder.innerHTML = html.trim();
      var fresh = holder.querySelector('[data-soutien-bloc]');
      block.replaceWith(fresh);
      document.getElementById('annonce').textContent = fresh.getAttribute('data-annonce');
      var resume = document.getElementById('resume-soutiens');
      if (resume && fresh.getAttribute('data-resume')) { resume.textContent = fresh.getAttribute('data-resume'); }
      var again = fresh.querySelector('button');
      if (again) { again.focus(); }
    })
    .catch(function () { form.submit(); });
});
