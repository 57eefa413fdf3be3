// Confirms a one-click score from an email (ADR 0018). `GET /s/<token>?score=N` only shows N chosen, so a
// mail scanner that follows every link answers nothing; a person's browser runs this and posts N. Without
// JavaScript the Send button does the same. A served file, not inline, so the page's CSP allows no inline script.
(function () {
  'use strict';
  var form = document.querySelector('form[data-confirm-score]');
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var body = new URLSearchParams();
  body.set('score', form.getAttribute('data-confirm-score'));
  fetch(form.action, { method: 'POST', body: body, credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) return; // Send still works, and shows why
      form.removeAttribute('data-confirm-score');
      form.setAttribute('data-confirmed', 'true');
      var notice = document.getElementById('notice');
      if (notice) notice.textContent = form.getAttribute('data-saved');
    })
    .catch(function () {
      // Offline or blocked: the Send button remains.
    });
})();
