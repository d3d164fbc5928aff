// The review desk's keyboard: j and k (or the arrow keys) move between
// proposals, a accepts and r rejects the one in focus, e opens its edit
// fields (Enter in a field accepts as edited, Esc closes and clears them:
// a plain accept after it accepts as proposed), m merges
// its speaker (or, on the sources page, the source in focus) into the
// source chosen, o opens its article, u takes back the decision just
// saved. Each decision is an ordinary form post: the page that follows
// says it was saved only after the server saved it.
(function () {
  "use strict";
  function proposals() {
    return Array.prototype.slice.call(document.querySelectorAll("article.proposal, article.source-item"));
  }
  function current() {
    var el = document.activeElement;
    while (el && !(el.classList && (el.classList.contains("proposal") || el.classList.contains("source-item")))) {
      el = el.parentElement;
    }
    return el;
  }
  function move(step) {
    var list = proposals();
    if (list.length === 0) {
      return;
    }
    var i = list.indexOf(current());
    i = i < 0 ? 0 : Math.max(0, Math.min(list.length - 1, i + step));
    list[i].focus();
    list[i].scrollIntoView({block: "nearest"});
  }
  function press(selector) {
    var p = current();
    if (!p) {
      return;
    }
    var button = p.querySelector(selector);
    if (button) {
      button.form.requestSubmit(button);
    }
  }
  function edit() {
    var p = current();
    var details = p && p.querySelector("details.edit");
    if (!details) {
      return;
    }
    details.open = true;
    var first = details.querySelector("input, select");
    if (first) {
      // After the key's own events, so that the "e" is not typed into
      // the field.
      window.setTimeout(function () { first.focus(); }, 0);
    }
  }
  // clear empties the edit fields of a closed details, which the form
  // would otherwise still post with a plain accept.
  function clear(details) {
    Array.prototype.forEach.call(details.querySelectorAll("input, select"), function (el) {
      if (el.tagName === "SELECT") {
        el.selectedIndex = 0;
      } else {
        el.value = "";
      }
    });
  }
  // However they close (Esc, or a click on their summary), the edit fields
  // are cleared. Toggle events do not bubble: listen while capturing.
  document.addEventListener("toggle", function (e) {
    var details = e.target;
    if (details && details.matches && details.matches("details.edit") && !details.open) {
      clear(details);
    }
  }, true);
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) {
      return;
    }
    var tag = e.target && e.target.tagName;
    if (e.key === "Escape") {
      var p = current();
      var details = p && p.querySelector("details.edit[open]");
      if (details) {
        details.open = false;
        clear(details);
        p.focus();
        e.preventDefault();
      }
      return;
    }
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") {
      return;
    }
    switch (e.key) {
    case "j": case "ArrowDown": move(1); break;
    case "k": case "ArrowUp": move(-1); break;
    case "a": press("button.accept"); break;
    case "r": press("button.reject"); break;
    case "e": edit(); break;
    case "m": press("button.merge"); break;
    case "u":
      var undo = document.querySelector("button.undo");
      if (undo) { undo.form.requestSubmit(undo); }
      break;
    case "o":
      var p = current();
      var link = p && p.querySelector("a.open");
      if (link) { window.location.href = link.href; }
      break;
    default: return;
    }
    e.preventDefault();
  });
  document.addEventListener("DOMContentLoaded", function () {
    var target = window.location.hash && document.getElementById(window.location.hash.slice(1));
    var pending = document.querySelector("article.proposal.state-pending, article.source-item");
    var first = (target && target.classList.contains("proposal")) ? target : pending;
    if (first) {
      first.focus();
    }
  });
})();
