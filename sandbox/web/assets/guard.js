/*
 * Runs first in every learner page, before any of the learner's code.
 *
 * - __tutorReport(nonce, text): how the check runner sends its results back. It writes to the
 *   original console.debug, kept here before learner code can replace it, and cannot itself
 *   be replaced.
 * - alert, confirm and prompt never stop the page: they write to the console instead
 *   (confirm answers true; prompt answers its default, or ""). A loop of them is cut off
 *   after 20 in a second, with one warning.
 * - window.open opens nothing and says so.
 * - Sending a form never leaves the page: the learner's own "submit" handlers still run.
 */
(function () {
  'use strict';

  const debug = console.debug.bind(console);
  const info = console.info.bind(console);
  const warn = console.warn.bind(console);
  const clock = performance.now.bind(performance);
  const REPORT_PREFIX = '__tutor_report__:';
  const MESSAGES_PER_SECOND = 20;

  Object.defineProperty(globalThis, '__tutorReport', {
    value: function (nonce, text) {
      debug(REPORT_PREFIX + String(nonce) + ':' + String(text));
    },
    writable: false,
    configurable: false,
    enumerable: false,
  });

  let windowStart = -Infinity;
  let shownInWindow = 0;
  let warned = false;

  function showMessage(line) {
    const now = clock();
    if (now - windowStart >= 1000) {
      windowStart = now;
      shownInWindow = 0;
      warned = false;
    }
    shownInWindow += 1;
    if (shownInWindow <= MESSAGES_PER_SECOND) {
      info(line);
    } else if (!warned) {
      warned = true;
      warn('Too many pop-up messages at once: only ' + MESSAGES_PER_SECOND +
        ' a second are shown here.');
    }
  }

  function asText(value) {
    try {
      return String(value);
    } catch (error) {
      return '';
    }
  }

  window.alert = function alert(message) {
    showMessage('alert: ' + (message === undefined ? '' : asText(message)));
  };
  window.confirm = function confirm(message) {
    showMessage('confirm: ' + (message === undefined ? '' : asText(message)));
    return true;
  };
  window.prompt = function prompt(message, defaultValue) {
    showMessage('prompt: ' + (message === undefined ? '' : asText(message)));
    return defaultValue === undefined ? '' : asText(defaultValue);
  };
  window.open = function open() {
    showMessage('window.open: pop-up windows are turned off here.');
    return null;
  };

  // Capture phase on window runs before any handler in the page; it only stops the page from
  // leaving, so the learner's own submit handlers still run.
  window.addEventListener('submit', function (event) {
    event.preventDefault();
  }, true);

  // form.submit() would leave the page without a "submit" event. Here it sends the event
  // instead (as requestSubmit does), and the listener above keeps the page where it is.
  Object.defineProperty(HTMLFormElement.prototype, 'submit', {
    value: function submit() {
      this.dispatchEvent(new SubmitEvent('submit', {bubbles: true, cancelable: true}));
    },
    writable: true,
    configurable: true,
  });
})();
