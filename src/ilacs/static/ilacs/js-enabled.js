// GOV.UK Frontend's classes for browsers that run JavaScript, set before the page is drawn.
// A file rather than an inline script, so that the Content-Security-Policy forbids every inline
// script.
document.body.className +=
  ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '')
